"""What the engine itself says, kept in one place so it can be read and improved together.

Topic answers live in knowledge/; these are the conversation's own words.
Plain, short, kind, and always with a next step.
"""

from __future__ import annotations

# Every reply that did not understand ends with this, so a missed cry for help is never a shrug.
SAFETY_LINE = "\n\nIf you're not safe: 999 in an emergency, Childline 0800 1111 (up to 19), Samaritans 116 123 (any time)."

WELCOME = (
    "Hi, I'm carebot for {council}. I'm an automated helper, not a person.\n"
    "I can answer questions about leaving care support, your rights and how to get your voice heard.\n"
    "Type a question in your own words, or pick a button."
)
EMPTY = (
    "I didn't get any words there. Type a question, or pick a topic from the menu." + SAFETY_LINE
)
UNSUPPORTED = (
    "Thanks for sending that. I can only read text messages, so I can't see {what}. "
    "Type your question in words, or pick a topic from the menu."
)
LONG = (
    "Thanks for telling me all that. I work best with short questions, so I may have missed some of it. "
    "If you want a real person to hear it, talk to your Personal Adviser or social worker, or tap Talk to a person."
    + SAFETY_LINE
)
CLARIFY = "I want to get this right. Did you mean one of these?" + SAFETY_LINE
ALSO_ASKED = "You asked about this too. Tap it when you're ready:"
CLARIFY_NONE = "None of these"
FALLBACK = (
    "Sorry, I don't have an answer for that yet. I've noted the question (without your name) "
    "so the team can add one.\n"
    "For now, you could ask your Personal Adviser or social worker, pick a topic from the menu, or talk to a person."
    + SAFETY_LINE
)
NONE_OF_THESE = (
    "Thanks for telling me. I've noted your question (without your name) so the team can add an answer.\n"
    "You could try asking in different words, pick from the menu, or talk to a person."
    + SAFETY_LINE
)
MENU = "What would you like to know about? Pick a group."
MENU_GROUP = "{group}: pick a topic."
HELPFUL_QUESTION = "Was this helpful?"
HELPFUL_THANKS = "Thanks for telling me. Glad it helped."
NOT_HELPFUL = (
    "Sorry it didn't help. Your Personal Adviser or social worker can tell you what applies to you.\n"
    "You can also talk to a person, or try the menu."
)
ALREADY_RATED = "You've already told me about that answer. Thanks!"
STALE_BUTTON = "That button is from an older message, so I've left things as they are. Here's where you can go next."
STALE_BUTTON_IN_FLOW = "That button is from an older message, so I've left things as they are. Here's where we were:"
UNKNOWN_BUTTON = "Sorry, I didn't recognise that button. Here's the menu."
UNKNOWN_COMMAND = "I don't know that command. Try /menu to see topics, or /help."
NO_SUCH_OPTION = "There's no option {number}. Pick a number from the list, or type your question."
ERROR = (
    "Sorry, something went wrong on my side. Please try again in a moment.\n"
    "If you need help now, call Childline on 0800 1111 or Samaritans on 116 123, or 999 in an emergency."
)
OTHER_SCRIPT = (
    "Hello. I can only read English for now, sorry.\n"
    "If you are in danger, call 999. You can ask for an interpreter.\n"
    "Childline: 0800 1111 (up to 19). Samaritans: 116 123 (any time).\n"
    "Your social worker or Personal Adviser (PA) can get an interpreter for you, for free."
)
UNDER_16_CRISIS = "You can call Childline any time, for free: {childline}. It won't show on the phone bill."
ALERT_SENT = (
    "I've let {council}'s safeguarding team know that someone needs help. They see the kind of worry, "
    "not your name or your messages. They may reply to you here."
)
ALERT_NOT_SENT = "I'm an automated helper, so no one has been told yet. Please contact one of the people above now."
SAFE_YES = "I'm glad you're safe. I'm here if anything changes.\nIf you ever need someone: Childline 0800 1111 (up to 19), Samaritans 116 123 (any time), or 999 in an emergency."
FROM_LEAD = "A message for you from the safeguarding team:\n\n{text}\n\nYou can reply here. In an emergency, call 999."
LEAD_SENT = "Sent to the young person for case {case}."
LEAD_NOT_SENT = (
    "Not sent: case {case} is not one of this bot's, or the young person asked carebot to forget them. "
    "Reply to an alert message to answer its case."
)
BUTTON_SAFE = "I'm safe"
BUTTON_NOT_SAFE = "I'm not safe"
BUTTON_TALK = "Talk to someone"
CRISIS_RESUME = "When you're ready, you can carry on where you were."
SLOW_DOWN = "That's a lot of messages very quickly. I've got them, give me a moment to catch up."

ERASE_CONFIRM = (
    "This will delete everything carebot keeps about you: your settings, your conversation, "
    "questions you asked that I couldn't answer, and views you shared. It can't be undone.\n"
    "Do you want to delete everything?"
)
ERASE_DONE = (
    "Done. I've deleted everything I kept about you. "
    "If you message again, I'll start fresh. Take care."
)
ERASE_KEPT = "OK, I haven't deleted anything."

BUTTON_MENU = "Topics menu"
BUTTON_HUMAN = "Talk to a person"
BUTTON_HELPFUL = "👍 Yes, it helped"
BUTTON_NOT_HELPFUL = "👎 Not really"
BUTTON_RESUME = "Carry on"
BUTTON_BACK = "Back to menu"
BUTTON_ERASE_YES = "Yes, delete everything"
BUTTON_ERASE_NO = "No, keep it"
