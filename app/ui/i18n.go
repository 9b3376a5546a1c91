package ui

// Message keys of the user interface. Every key has a text in every
// language of messages; TestMessagesComplete checks it.
const (
	msgTitle         = "title"
	msgTagline       = "tagline"
	msgRequirements  = "requirements"
	msgApply         = "apply"
	msgCount         = "count"
	msgMatrixCaption = "matrix_caption"
	msgCriterion     = "criterion"
	msgWhyNot        = "why_not"
	msgWhyNotIntro   = "why_not_intro"
	msgNoMatch       = "no_match"
	msgNeeds         = "needs"
	msgHas           = "has"
	msgYes           = "yes"
	msgNo            = "no"
	msgUnknown       = "unknown"
	msgNone          = "none"
	msgNotice        = "notice"
	msgNoneKept      = "none_kept"
	msgData          = "data"
	msgLoading       = "loading"
	msgAudits        = "audits"
	msgSources       = "sources"
	msgVerified      = "verified"
	msgHomepage      = "homepage"
	msgDiscontinued  = "discontinued"
	msgClear         = "clear"
)

var messages = map[string]map[string]string{
	"en": {
		msgTitle:         "msgcompare: private messengers compared",
		msgTagline:       "Private messengers compared on facts, each with its source and the date it was checked.",
		msgRequirements:  "What must your messenger do?",
		msgApply:         "Apply",
		msgCount:         "%d of %d messengers meet %d requirements.",
		msgMatrixCaption: "Messengers compared by criterion",
		msgCriterion:     "Criterion",
		msgWhyNot:        "Why not these?",
		msgWhyNotIntro:   "Messengers left out by your requirements, with what each one lacks.",
		msgNoMatch:       "does not match the search",
		msgNeeds:         "needs",
		msgHas:           "has",
		msgYes:           "Yes",
		msgNo:            "No",
		msgUnknown:       "Unknown",
		msgNone:          "None",
		msgNotice:        "Some parts of the address were ignored:",
		msgNoneKept:      "No messenger meets all of these requirements. See below what each one lacks.",
		msgData:          "Data %s, updated %s, licence CC BY-SA 4.0.",
		msgLoading:       "Loading interactive version {progress}%",
		msgAudits:        "%d audits, latest %d",
		msgSources:       "Sources",
		msgVerified:      "verified %s",
		msgHomepage:      "Homepage",
		msgDiscontinued:  "discontinued",
		msgClear:         "Clear all",
	},
	"de": {
		msgTitle:         "msgcompare: sichere Messenger im Vergleich",
		msgTagline:       "Sichere Messenger im Faktenvergleich, jede Angabe mit Quelle und Prüfdatum.",
		msgRequirements:  "Was muss dein Messenger können?",
		msgApply:         "Anwenden",
		msgCount:         "%d von %d Messengern erfüllen %d Anforderungen.",
		msgMatrixCaption: "Messenger nach Kriterien verglichen",
		msgCriterion:     "Kriterium",
		msgWhyNot:        "Warum nicht diese?",
		msgWhyNotIntro:   "Messenger, die deine Anforderungen nicht erfüllen, und was ihnen fehlt.",
		msgNoMatch:       "passt nicht zur Suche",
		msgNeeds:         "verlangt",
		msgHas:           "hat",
		msgYes:           "Ja",
		msgNo:            "Nein",
		msgUnknown:       "Unbekannt",
		msgNone:          "Keine",
		msgNotice:        "Einige Teile der Adresse wurden ignoriert:",
		msgNoneKept:      "Kein Messenger erfüllt alle diese Anforderungen. Unten steht, was jedem fehlt.",
		msgData:          "Daten %s, Stand %s, Lizenz CC BY-SA 4.0.",
		msgLoading:       "Interaktive Version lädt {progress} %",
		msgAudits:        "%d Audits, zuletzt %d",
		msgSources:       "Quellen",
		msgVerified:      "geprüft am %s",
		msgHomepage:      "Website",
		msgDiscontinued:  "eingestellt",
		msgClear:         "Alle entfernen",
	},
}

// t returns the message key in lang, falling back to English.
func t(lang, key string) string {
	if s, ok := messages[lang][key]; ok {
		return s
	}
	return messages["en"][key]
}
