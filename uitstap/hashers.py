"""Password hashing tuned for interactive logins: argon2id with OWASP's parameters, so a login is fast."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class InteractiefArgon2PasswordHasher(Argon2PasswordHasher):
    """argon2id, 19 MiB, 2 iterations, 1 lane (OWASP Password Storage Cheat Sheet, first option).

    Django's defaults (100 MiB, 8 lanes) took 1.3 s per hash on this two-core machine under load,
    these about 0.19 s (docs/benchmarks.md). The algorithm name stays "argon2", so stored hashes keep
    verifying; must_update() rehashes them with these parameters at the next login.
    """

    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
