"""The screens of the trajecten app, one module per feature; dossier.py is the tab shell they share."""
