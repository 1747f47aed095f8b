"""Council packs load from data files; a broken file names the file and the field."""

import pytest

from knowledge.packs import PackError, load_pack, load_packs
from tests.helpers.packs import write_broken


def test_the_default_pack_loads_with_its_local_area():
    pack = load_packs()["tower-hamlets"]
    assert pack.identity.name == "London Borough of Tower Hamlets"
    assert pack.local_area.is_local("E14 5AB")
    assert pack.local_area.is_local("e1w1aa")
    assert not pack.local_area.is_local("E15 1AA")


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (lambda d: d["identity"].pop("name"), "identity.name", "Field required"),
        (lambda d: d["identity"].update(colour="#ffdd00"), "identity.colour", "contrast"),
        (lambda d: d["identity"].update(colour="purple"), "identity.colour", "pattern"),
        (lambda d: d["identity"].update(contact_email="nobody"), "identity.contact_email", ""),
        (
            lambda d: d["local_area"].update(postcode_districts=["E1", "London"]),
            "local_area.postcode_districts",
            "London",
        ),
        (lambda d: d.update(colour="#000000"), "colour", "Extra inputs are not permitted"),
        (lambda d: d.update(id="somewhere-else"), "id", "must match its folder"),
    ],
)
def test_a_broken_field_gives_one_line_naming_file_and_field(tmp_path, change, field, problem):
    path = write_broken(tmp_path, change)
    with pytest.raises(PackError) as raised:
        load_pack(path)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {field}: ")
    assert problem in message


def test_invalid_yaml_is_reported_with_the_file(tmp_path):
    path = tmp_path / "tower-hamlets" / "council.yaml"
    path.parent.mkdir()
    path.write_text("id: [unclosed\n")
    with pytest.raises(PackError, match=f"^{path}: cannot read YAML"):
        load_pack(path)


def test_a_folder_without_packs_is_an_error(tmp_path):
    with pytest.raises(PackError, match="no council packs found"):
        load_packs(tmp_path)
