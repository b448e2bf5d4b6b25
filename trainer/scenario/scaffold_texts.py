"""The words of `webcare new` in each language: the interview's questions and defaults, and the phrases
the scaffold writes into a new scenario (its templates are files in trainer/scenario/templates)."""

from __future__ import annotations

DEFAULTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "The suitcase with the broken wheel",
        "name": "Noor Bakker",
        "persona": "Writes short and direct. Angry, but softens at once when someone takes her seriously. "
                   "Wants an answer, not a gift.",
        "harm": "My suitcase came back from Lisbon with a broken wheel.",
        "wants": "Who broke it, and who pays for the repair?",
        "cause": "The baggage hall in Lisbon logged the damage on arrival, but nobody filed a report or told her.",
        "fix": "Refund the repair",
    },
    "nl": {
        "title": "De koffer met het kapotte wiel",
        "name": "Noor Bakker",
        "persona": "Schrijft kort en direct. Boos, maar ontdooit meteen als iemand haar serieus neemt. "
                   "Wil een antwoord, geen cadeautje.",
        "harm": "Mijn koffer kwam uit Lissabon terug met een kapot wiel.",
        "wants": "Wie heeft hem kapotgemaakt, en wie betaalt de reparatie?",
        "cause": "De bagagehal in Lissabon noteerde de schade bij aankomst, maar niemand maakte een melding "
                 "of liet haar iets weten.",
        "fix": "De reparatie vergoeden",
    },
}

QUESTIONS: dict[str, dict[str, str]] = {
    "en": {
        "language": "Language of the scenario (en, nl)",
        "title": "Title, as trainees see it in the list",
        "channel": "Channel (twitter, dm, email, chat, whatsapp, sms)",
        "audience": "Who can read along (public, private)",
        "difficulty": "Difficulty (easy, medium, hard)",
        "company": "The company's name or handle (a placeholder: {company})",
        "name": "The customer's full name",
        "handle": "Her handle on the channel",
        "persona": "Who she is and how she writes, in a sentence or two",
        "mood": "Her mood at the start, 20 (livid) to 100 (delighted)",
        "harm": "What went wrong for her, in one sentence, in her words",
        "wants": "What she wants to know, as she would ask it",
        "cause": "What really happened (the back office shows it)",
        "fix": "What fits as a fix, as something the trainee does",
    },
    "nl": {
        "language": "Taal van het scenario (en, nl)",
        "title": "Titel, zoals cursisten hem in de lijst zien",
        "channel": "Kanaal (twitter, dm, email, chat, whatsapp, sms)",
        "audience": "Wie leest er mee (public, private)",
        "difficulty": "Moeilijkheid (easy, medium, hard)",
        "company": "Naam of handle van het bedrijf (een placeholder: {company})",
        "name": "Volledige naam van de klant",
        "handle": "Haar handle op het kanaal",
        "persona": "Wie ze is en hoe ze schrijft, in een zin of twee",
        "mood": "Haar stemming bij de start, 20 (woedend) tot 100 (opgetogen)",
        "harm": "Wat er voor haar misging, in één zin, in haar woorden",
        "wants": "Wat ze wil weten, zoals zij het zou vragen",
        "cause": "Wat er echt gebeurde (de backoffice laat het zien)",
        "fix": "Wat past als oplossing, als iets wat de cursist doet",
    },
}
"""The interview's questions, in the order asked (language first: the other defaults follow it)."""

PHRASES: dict[str, dict[str, str]] = {  # the {fields} are filled in by `scaffold`
    "en": {
        "channel_twitter": "social-media desk", "channel_dm": "direct-messages desk",
        "channel_email": "e-mail desk", "channel_chat": "live-chat desk",
        "channel_whatsapp": "WhatsApp desk", "channel_sms": "SMS desk",
        "briefing": "You work on the {channel} of {{company}}. {{name}} got in touch:\n"
                    "\"{harm}\"\n\nShe wants to know: {wants}\n\n"
                    "Find out what really happened before you explain anything. You can open her\n"
                    "case file in the back office and act for her.",
        "email_opening": "Hello,\n\n{harm} {wants}\n\nRegards, {{name}}",
        "harm_is": "In her words: {harm}",
        "shows": "Case of {{name}} ({{handle}}). What happened: {cause} Status: no reply sent yet.",
        "told_line": "Thank you. So tell me: {wants}",
        "furious_tail": " Third time I'm asking.",
        "otherwise_telling": "That doesn't answer my question. {wants}",
        "ex_1": "Hi {first}, I'm so sorry. You wrote: \u201c{harm}\u201d That must have been awful. "
                "Can you tell me what happened?",
        "ex_3": "Thank you for telling me. I checked your file, and here is why: {cause} "
                "That was our mistake, not yours.",
        "ex_4": "Here is what I'll do right now: {fix}. I've also reported the problem, so it doesn't "
                "happen to anyone else, and I'll check with you tomorrow that it's sorted.",
        "ack_example": "I'm so sorry: \u201c{harm}\u201d That must have been awful.",
        "offer_example": "Here is what I'll do right now: {fix}.",
        "me_1": "Hello {first}, thank you for reaching out. Let me look into it for you.",
        "me_4": "That has been taken care of now. Is there anything else?",
    },
    "nl": {
        "channel_twitter": "social-mediadesk", "channel_dm": "DM-desk",
        "channel_email": "e-maildesk", "channel_chat": "chatdesk",
        "channel_whatsapp": "WhatsApp-desk", "channel_sms": "sms-desk",
        "briefing": "Je werkt op de {channel} van {{company}}. {{name}} nam contact op:\n"
                    "\"{harm}\"\n\nZe wil weten: {wants}\n\n"
                    "Zoek uit wat er echt gebeurde voordat je iets uitlegt. Je kunt haar dossier\n"
                    "openen in de backoffice en namens haar iets doen.",
        "email_opening": "Hallo,\n\n{harm} {wants}\n\nGroet, {{name}}",
        "harm_is": "In haar woorden: {harm}",
        "shows": "Zaak van {{name}} ({{handle}}). Wat er gebeurde: {cause} Status: nog geen antwoord gestuurd.",
        "told_line": "Dank je. Vertel me dan: {wants}",
        "furious_tail": " Ik vraag het nu voor de derde keer.",
        "otherwise_telling": "Dat is geen antwoord op mijn vraag. {wants}",
        "ex_1": "Hoi {first}, het spijt me echt. Je schreef: \u201c{harm}\u201d Dat moet heel vervelend zijn "
                "geweest. Kun je vertellen wat er is gebeurd?",
        "ex_3": "Dank je dat je het vertelt. Ik heb je dossier bekeken, en dit is waarom: {cause} "
                "Dat was onze fout, niet de jouwe.",
        "ex_4": "Dit ga ik doen, nu meteen: {fix}. Ik heb ook gemeld wat er misging, zodat het niemand anders "
                "overkomt, en ik check morgen bij je of alles geregeld is.",
        "ack_example": "Het spijt me echt: \u201c{harm}\u201d Dat moet heel vervelend zijn geweest.",
        "offer_example": "Dit ga ik doen, nu meteen: {fix}.",
        "me_1": "Hallo {first}, bedankt voor je bericht. Ik ga het voor je bekijken.",
        "me_4": "Dat is nu afgehandeld. Kan ik verder nog iets voor je doen?",
    },
}

WORD_LISTS: dict[str, dict[str, tuple[str, ...]]] = {  # the match words and the poor trainee's moves
    "en": {
        "sorry_words": ("sorry", "apolog*"),
        "acknowledge_extra": ("must have been",),
        "offer_words": ("i will", "ill"),
        "offer_extra": ("here is what ill do",),
        "poor": ("Dear customer, thank you for your message. We regret any inconvenience this may have caused.",
                 "Your message has been forwarded to the responsible department.",
                 "We are unable to comment on individual cases.",
                 "We would like to inform you that your feedback is important to us."),
    },
    "nl": {
        "sorry_words": ("sorry", "spijt"),
        "acknowledge_extra": ("moet + vervelend",),
        "offer_words": ("ik ga", "ik zorg"),
        "offer_extra": ("dit ga ik doen",),
        "poor": ("Geachte klant, hartelijk dank voor uw bericht. Wij betreuren het eventuele ongemak.",
                 "Uw bericht is doorgestuurd naar de betreffende afdeling.",
                 "Wij doen geen uitspraken over individuele gevallen.",
                 "Hierbij delen wij u mee dat uw feedback belangrijk voor ons is."),
    },
}

STOPWORDS = frozenset("""
about above after again against also because been before being below between both came cant come could
didnt does doesnt doing done down during each even ever every from further have having here hers herself
into just more most much must never once only other over same should some still such than that their
them then there these they this those through under until very want wanted were what when where which
while whom will with would your yours dont wont isnt wasnt arent werent hasnt havent hadnt didnt
went told said gave took made make have tell know again nobody without anything something everything
nothing really please thanks thank anyone someone everyone just like also
the and for was you not but are has had his her him she our out can did any all get got why who how now
new one two way day too yet own see saw let may say met off per via its it's yes
aan achter alle alleen alles als altijd andere bent betreft beter bijna binnen daar daarna daarom
dan dat deze dezelfde die dingen doen door echt een eens eigen elke over geen geweest gewoon had hadden
heb hebben heeft hier hierna hij hoe hun iets jaar jouw kan kon komen kreeg krijg kunnen kwam laat maar
meer mijn mijne moest moet naar niet niets nooit onder ons onze ook over toch toen tot uit want waren
was wat weer wel werd wie wij wilde wil word worden wordt zich zijn zo zonder zou zouden
niemand iets gezegd verteld gegaan gaf kreeg nam heel zeer graag alsjeblieft bedankt terug
een het die van met hoe nog ook als mij jij hij zij ons uit bij tot kon jou pas net al
""".split())
"""Words too common to show the harm ("sorry + that" would fit anything)."""
