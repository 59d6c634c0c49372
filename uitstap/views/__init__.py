"""The core's screens: algemeen (start, login, account, errors), programma, audit, beheer."""
