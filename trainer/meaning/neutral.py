"""Things an agent says that carry no intent of any case: greetings, thanks, sign-offs, small talk.

A sentence more like one of these than like any example of an intent is not recognised by resemblance
("Have a good flight" is not "the cockpit during the flight"). Only what no scenario's intent would be:
nothing that promises, explains, asks about the case or offers anything.
"""

from __future__ import annotations

NEUTRAL: dict[str, tuple[str, ...]] = {
    "en": (
        "Hello.", "Hi there.", "Good morning.", "Good afternoon.", "Good evening.", "Hey, how are you?",
        "Thanks.", "Thank you.", "Thanks a lot.", "You're welcome.", "No problem.", "My pleasure.",
        "Have a good flight.", "Have a nice day.", "Have a great trip.", "Enjoy your flight.", "Safe travels.",
        "Take care.", "Kind regards.", "Best wishes.", "Speak soon.", "Bye for now.", "All the best.",
        "Okay.", "Sure.", "Got it.", "Understood.", "Right.", "I see.", "Alright then.",
        "One moment please.", "Bear with me a moment.", "Just a second.", "Let me see.",
        "Is there anything else I can help you with?", "Anything else I can do for you today?",
        "Hope you have a good weekend.", "The weather is nice today.", "Nice to hear from you.",
        "This is Sam from the social media team.", "My name is Alex and I work on the customer desk.",
        "How is your day going?", "Hope all is well.",
    ),
    "nl": (
        "Hallo.", "Hoi.", "Goedemorgen.", "Goedemiddag.", "Goedenavond.", "Hoi, hoe gaat het?",
        "Bedankt.", "Dank je.", "Dank je wel.", "Graag gedaan.", "Geen probleem.", "Met plezier.",
        "Goede vlucht.", "Fijne dag nog.", "Goede reis.", "Geniet van je vlucht.", "Veilige reis.",
        "Pas goed op jezelf.", "Met vriendelijke groet.", "Hartelijke groet.", "Tot snel.", "Doei.",
        "Alle goeds.", "Oké.", "Prima.", "Begrepen.", "Helder.", "Juist.", "Ik snap het.", "Goed dan.",
        "Een moment alsjeblieft.", "Heel even geduld.", "Momentje.", "Even kijken.",
        "Kan ik je nog ergens anders mee helpen?", "Is er nog iets anders wat ik voor je kan doen?",
        "Fijn weekend alvast.", "Lekker weer vandaag.", "Leuk om van je te horen.",
        "Je spreekt met Sam van het socialmediateam.", "Mijn naam is Alex en ik werk bij de klantenservice.",
        "Hoe gaat je dag?", "Hopelijk gaat alles goed.",
    ),
}
