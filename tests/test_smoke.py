from django.test import Client


def test_home_redirects_a_visitor_to_login(db: None) -> None:
    response = Client().get("/")
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]
