"""Common given names and surnames, paired at random into synthetic patients."""

from __future__ import annotations

FEMALE_NAMES = (
    "Alice", "Amelia", "Anna", "Beatrice", "Camille", "Chloe", "Clara", "Daniela", "Diana",
    "Eleanor", "Elena", "Emma", "Eva", "Fiona", "Grace", "Hannah", "Helena", "Iris", "Isabel",
    "Jasmine", "Julia", "Katherine", "Laura", "Leah", "Lena", "Lucy", "Maria", "Marta", "Mia",
    "Nadia", "Naomi", "Nina", "Olivia", "Paula", "Priya", "Rachel", "Rosa", "Sara", "Sofia",
    "Tara", "Valeria", "Vera", "Yasmin", "Zoe",
)  # fmt: skip

MALE_NAMES = (
    "Aaron", "Adam", "Andre", "Ben", "Carlos", "Daniel", "David", "Elias", "Felix", "Gabriel",
    "Henry", "Ivan", "Jacob", "James", "Jonas", "Kevin", "Leo", "Lucas", "Marco", "Martin",
    "Matteo", "Noah", "Omar", "Oscar", "Paul", "Peter", "Rafael", "Samuel", "Simon", "Theo",
    "Thomas", "Victor", "William",
)  # fmt: skip

SURNAMES = (
    "Abbott", "Alvarez", "Bauer", "Bennett", "Brooks", "Carter", "Castillo", "Chen", "Clarke",
    "Costa", "Dalton", "Diaz", "Ellis", "Evans", "Fischer", "Fleming", "Foster", "Garcia",
    "Gibson", "Graham", "Hansen", "Harper", "Hayes", "Holm", "Hughes", "Ibrahim", "Jensen",
    "Kaplan", "Keller", "Khan", "Kowalski", "Lambert", "Larsen", "Lopez", "Marsh", "Meyer",
    "Moreau", "Murphy", "Nakamura", "Novak", "Okafor", "Olsen", "Ortega", "Patel", "Perez",
    "Quinn", "Reyes", "Rossi", "Santos", "Schmidt", "Silva", "Sullivan", "Tanaka", "Turner",
    "Varga", "Wagner", "Walsh", "Weber", "Young", "Zimmer",
)  # fmt: skip
