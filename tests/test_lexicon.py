from kg.lexicon import load_lexicon, normalise, slugify


def test_lexicon_state_variants_resolve_to_one_state():
    lex = load_lexicon()
    for form in ("Viet Nam", "Vietnam", "Lao PDR", "Laos", "Türkiye", "Turkey", "Republic of Korea", "Timor-Leste"):
        assert lex.state_by_form(form) is not None, form
    assert lex.state_by_form("Vietnam").iso3 == lex.state_by_form("Viet Nam").iso3 == "VNM"


def test_lexicon_demonyms_and_status():
    lex = load_lexicon()
    assert lex.state_by_demonym("Thai").iso3 == "THA"
    assert lex.state_by_form("Canada").status == "observer"
    assert lex.state_by_form("Indonesia").status == "member"


def test_lexicon_organisation_acronyms_and_aliases():
    lex = load_lexicon()
    assert lex.organisation_by_form("KEMLU") is lex.organisation_by_form("Indonesian Ministry of Foreign Affairs")
    assert lex.organisation_by_form("RSO").kind == "bali-process-body"


def test_lexicon_places_know_their_country():
    lex = load_lexicon()
    assert lex.place_by_form("Bangkok").country == "Thailand"
    assert lex.place_by_form("Colombo").country == "Sri Lanka"


def test_lexicon_provinces_of_member_states_in_english():
    lex = load_lexicon()
    assert lex.place_by_form("Bali").country == "Indonesia"  # not the town of Bāli in India
    assert lex.place_by_form("West Java").country == "Indonesia"
    assert lex.place_by_form("Jawa Barat") is lex.place_by_form("West Java")
    assert lex.place_by_form("Western Australia").country == "Australia"
    assert lex.place_by_form("Kochi").country == "India"  # a large city keeps its name against a prefecture
    assert lex.place_by_form("Central") is None and lex.place_by_form("Chin") is None


def test_lexicon_slug_is_safe_and_stable():
    assert slugify("Ministry of Foreign Affairs (Indonesia)") == "ministry-of-foreign-affairs-indonesia"
    assert slugify("<script>alert(1)</script>") == "script-alert-1-script"
    assert slugify("") == "x"
    assert normalise("The  Việt-Nam!") == "viet nam"


def test_lexicon_yaml_keywords_in_word_lists_stay_words():
    words = load_lexicon().patterns["generic_event_name_words"]
    assert ("on" in words, True in words) == (True, False)
