from __future__ import annotations

from datetime import date

from django.test import Client

from glabella.accounts.models import Clinic, User
from glabella.patients.models import Patient


def add_patient(clinic: Clinic, number: int, family: str) -> Patient:
    return Patient.objects.create(
        clinic=clinic,
        record_number=number,
        family_name=family,
        given_name="Ann",
        family_key=family.lower(),
        given_key="ann",
        birth_date=date(1980, 1, 1),
        sex="female",
    )


def test_it_sends_a_visitor_to_the_login_page(db: None) -> None:
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_it_shows_the_current_clinic_and_user_in_the_header(client_a: Client) -> None:
    page = client_a.get("/").content.decode()
    assert 'data-testid="current-clinic">Clinic A<' in page
    assert 'data-testid="current-user">Ines Tester<' in page


def test_it_counts_only_the_current_clinics_patients(
    client_a: Client, clinic_a: Clinic, clinic_b: Clinic
) -> None:
    add_patient(clinic_a, 1, "Abbott")
    add_patient(clinic_b, 1, "Zimmer")
    response = client_a.get("/")
    assert response.context["counts"].patients == 1
    page = response.content.decode()
    assert "ABBOTT, Ann" in page
    assert "ZIMMER" not in page


def test_it_offers_a_labelled_search_box(client_a: Client) -> None:
    page = client_a.get("/").content.decode()
    assert '<label for="quick-search">' in page
    assert 'id="quick-search"' in page


def test_it_signs_out_with_a_post_form_not_a_link(client_a: Client) -> None:
    page = client_a.get("/").content.decode()
    assert 'class="logout" method="post" action="/logout/"' in page


def test_it_shows_the_audit_link_to_admins_only(client_a: Client, admin_user: User) -> None:
    assert 'href="/audit/"' not in client_a.get("/").content.decode()
    admin = Client()
    admin.force_login(admin_user)
    assert 'href="/audit/"' in admin.get("/").content.decode()


def test_it_offers_a_clinic_switcher_to_members_of_several_clinics(
    client_a: Client, injector: User, clinic_b: Clinic
) -> None:
    assert 'name="clinic"' not in client_a.get("/").content.decode()
    injector.memberships.create(clinic=clinic_b, role="injector")
    assert 'name="clinic"' in client_a.get("/").content.decode()
