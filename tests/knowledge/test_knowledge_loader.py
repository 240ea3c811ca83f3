"""The loader validates every data file and refuses broken data."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from glabella.knowledge import KnowledgeError, load_knowledge
from glabella.knowledge.loader import DATA_DIR, load_from


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_it_loads_and_validates_all_data() -> None:
    kb = load_knowledge()
    assert re.fullmatch(r"2026\.11\.1\+[0-9a-f]{7}", kb.version)


def test_the_default_knowledge_base_is_loaded_once() -> None:
    assert load_knowledge() is load_knowledge()


def test_a_region_covers_its_sites_and_a_site_covers_itself() -> None:
    kb = load_knowledge()
    assert kb.sites_in("glabella") >= {"procerus", "corrugator_l", "glabella_filler"}
    assert kb.sites_in("lip_upper") == {"lip_upper"}
    assert kb.sites_in("elbow") == frozenset()


def test_it_rejects_an_unknown_key(data_copy: Path) -> None:
    path = data_copy / "vocabulary" / "medications.yaml"
    path.write_text(path.read_text().replace("label: Anticholinergic drug", "labl: x"))
    with pytest.raises(KnowledgeError, match="labl"):
        load_from(data_copy)


def test_it_rejects_a_number_without_a_source(data_copy: Path) -> None:
    path = data_copy / "products" / "other_toxins.yaml"
    text = path.read_text().replace(
        'session_max: {value: 400, source: "Xeomin PI', 'session_max: {value: 400, note: "Xeomin PI'
    )
    path.write_text(text)
    with pytest.raises(KnowledgeError, match="needs a source"):
        load_from(data_copy)


def test_it_rejects_a_reference_to_an_unknown_site(data_copy: Path) -> None:
    path = data_copy / "templates" / "toxin_cosmetic.yaml"
    path.write_text(
        path.read_text().replace("{site: procerus, units: 4}", "{site: procerys, units: 4}")
    )
    with pytest.raises(KnowledgeError, match="unknown site 'procerys'"):
        load_from(data_copy)


def test_the_version_changes_when_data_changes(data_copy: Path) -> None:
    before = load_from(data_copy).version
    path = data_copy / "vocabulary" / "conditions.yaml"
    path.write_text(path.read_text() + "\n# edited\n")
    assert load_from(data_copy).version != before


def test_the_knowledge_base_and_its_command_do_not_import_django() -> None:
    code = (
        "import sys, glabella.knowledge, glabella.cli.knowledge; sys.exit('django' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
