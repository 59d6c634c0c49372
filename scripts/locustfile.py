"""Load test (SECURITY.md item 38): coaches and coordinators working through their day.

Run by scripts/load_test; every request must succeed (a 4xx/5xx or a wrong page is a failure).
The users are FastHttpUsers (geventhttpclient): the load generator shares the two cores with the server, and
locust's default client (python-requests) spends twice the CPU per request (make load: 2.6 against 1.2 ms).
"""

import random
import re

from locust import FastHttpUser, between, task

WACHTWOORD = "uitstap-demo-2026"
DOSSIER = re.compile(r'href="(/deelnemers/\d+/)"')
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


class Gebruiker(FastHttpUser):
    abstract = True
    wait_time = between(0.5, 2)
    username = ""

    def on_start(self):
        page = self.client.get("/account/login/", name="login (formulier)")
        velden = dict(HIDDEN.findall(page.text))  # csrf token and the wizard's current step
        velden.update({"auth-username": self.username, "auth-password": WACHTWOORD})
        with self.client.post("/account/login/", name="login", catch_response=True, data=velden,
                              headers={"Referer": f"{self.host}/account/login/"}) as r:
            if "Uitloggen" not in r.text:
                r.failure(f"inloggen als {self.username} mislukt")
        self.dossiers = []

    def _get(self, url, name, moet_bevatten):
        with self.client.get(url, name=name, catch_response=True) as r:
            if r.status_code != 200 or moet_bevatten not in r.text:
                r.failure(f"{name}: status {r.status_code}")
            return r.text


class Coach(Gebruiker):
    weight = 4

    def on_start(self):
        self.username = random.choice(["begeleider1", "begeleider2", "begeleider3"])
        super().on_start()

    @task(4)
    def caseload(self):
        text = self._get("/caseload/", "caseload", "Mijn caseload")
        self.dossiers = DOSSIER.findall(text) or self.dossiers

    @task(6)
    def dossier(self):
        if not self.dossiers:
            return self.caseload()
        url = random.choice(self.dossiers)
        self._get(url, "dossier", "Tijdlijn")
        tab = random.choice(["contacten/", "trajectplan/", "verwijzingen/", "gegevens/"])
        self._get(url + tab, f"dossier: {tab.rstrip('/')}", "Tijdlijn")

    @task(1)
    def sociale_kaart(self):
        self._get("/sociale-kaart/", "sociale kaart", "Sociale kaart")


class Coordinator(Gebruiker):
    weight = 1
    username = "coordinator"

    @task(3)
    def deelnemers(self):
        fase = random.choice(["", "?fase=uitvoering", "?status=lopend", "?fase=nazorg&pagina=1"])
        text = self._get("/deelnemers/" + fase, "deelnemers", "Deelnemers")
        self.dossiers = DOSSIER.findall(text) or self.dossiers

    @task(2)
    def dossier(self):
        if self.dossiers:
            self._get(random.choice(self.dossiers), "dossier", "Tijdlijn")

    @task(1)
    def cijfers(self):
        self._get("/rapportage/", "cijfers", "Cijfers")
