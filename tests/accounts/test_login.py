from __future__ import annotations

from django.test import Client

from conftest import PASSWORD
from glabella.accounts.models import User


def test_it_signs_in_with_the_right_password(injector: User) -> None:
    client = Client()
    response = client.post("/login/", {"username": injector.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_it_refuses_a_wrong_password(injector: User) -> None:
    response = Client().post("/login/", {"username": injector.username, "password": "nope"})
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content


def test_it_shows_the_login_page_to_a_visitor(db: None) -> None:
    response = Client().get("/login/")
    assert response.status_code == 200
    assert b'name="csrfmiddlewaretoken"' in response.content


def test_it_signs_out_with_post(client_a: Client) -> None:
    response = client_a.post("/logout/")
    assert response.status_code == 302
    assert client_a.get("/").status_code == 302
