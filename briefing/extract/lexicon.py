"""General word lists used by the extractors: nothing here names a particular event, place or person."""

# verbs that introduce what someone says, claims or reports
REPORTING_VERBS = frozenset("""say tell state add claim report announce confirm deny reject dispute insist note
warn stress emphasize emphasise argue assert declare describe accuse condemn denounce praise thank hail welcome
demand urge call quote cite acknowledge admit estimate assess believe reveal disclose suggest indicate write
respond reply criticize criticise maintain allege predict""".split())

STANCE_WORDS = {
    "condemn": """condemn denounce criticize criticise accuse violate violation criminal illegal inhumane immoral
                  crime act against humanity provocation outrage unacceptable blame responsibility sanction""".split(),
    "deny": """deny denied reject rejected dispute disputed refute false untrue not true dismiss dismissed""".split(),
    "support": """thank praise hail welcome honour honor grateful support heroism hero heroes victory liberate
                  alliance friendship solidarity congratulate""".split(),
    "concern": """concern concerned worry worried alarm alarmed fear risk threat caution warn""".split(),
}

UNKNOWN_CUES = ("did not specify", "not specified", "not disclosed", "did not disclose", "unclear", "unknown",
                "did not say", "declined to say", "not known", "no details", "has not said", "would not say",
                "could not be verified", "not confirmed", "unconfirmed", "remains to be seen")
FUTURE_CUES = ("likely", "expected to", "is set to", "set to", "could", "may ", "might", "plans to", "upcoming",
               "potential", "possible", "possibly", "will soon", "is to ", "are to ")
