from __future__ import annotations

from django.test import Client

from glabella.accounts.models import Clinic, Membership, User


def test_it_switches_to_another_clinic_of_the_user(
    client_a: Client, injector: User, clinic_b: Clinic
) -> None:
    Membership.objects.create(user=injector, clinic=clinic_b, role="physician")
    response = client_a.post("/clinic/switch/", {"clinic": clinic_b.pk, "next": "/audit/"})
    assert response.status_code == 302
    assert response["Location"] == "/audit/"
    home = client_a.get("/")
    assert home.wsgi_request.clinic == clinic_b  # type: ignore[attr-defined]
    assert home.wsgi_request.membership.role == "physician"  # type: ignore[attr-defined]


def test_it_refuses_a_clinic_the_user_is_not_in(client_a: Client, clinic_b: Clinic) -> None:
    response = client_a.post("/clinic/switch/", {"clinic": clinic_b.pk})
    assert response.status_code == 404
    assert client_a.get("/").wsgi_request.clinic.slug == "clinic-a"  # type: ignore[attr-defined]


def test_it_ignores_an_offsite_next_url(client_a: Client, injector: User, clinic_b: Clinic) -> None:
    Membership.objects.create(user=injector, clinic=clinic_b, role="injector")
    response = client_a.post(
        "/clinic/switch/", {"clinic": clinic_b.pk, "next": "https://x.example/"}
    )
    assert response["Location"] == "/"


def test_it_rejects_get(client_a: Client) -> None:
    assert client_a.get("/clinic/switch/").status_code == 405
