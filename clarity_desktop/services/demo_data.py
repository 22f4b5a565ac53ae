"""The demo practice's content: eight fictional cases, each with its sessions and notes.

Everyone here is invented. The notes are written in a clinician's voice for this demo
only. Dates are relative (weeks before the build day) so the demo always looks current;
clarity_desktop/services/demo.py turns these specs into records through the services.
Each case's readings (positions, stance, loop intensity, ...) live in demo_readings.py,
one row per session, and are saved with the session's draft before it is signed.

Conventions:
  * a session's ``weeks_ago`` counts back from the case's most recent usual slot before
    the build day (0 = that slot, 1 = a week earlier, ...);
  * ``weekday`` (0 = Monday) moves a session within that calendar week, e.g. individual
    sessions booked on other days than the joint ones;
  * ``partner_steps`` is keyed by partner position (1 or 2) and names only partners who
    attended; ``attending`` is a position for an individual session within couples work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from clarity_desktop.domain.records import CaseKind, Modality
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import demo_readings as readings
from clarity_desktop.services.demo_readings import ReadingsRow

MON, TUE, WED, THU, FRI = range(5)
TELE = Modality.TELEHEALTH


def fold(text: str) -> str:
    """One paragraph: the source's line breaks and indentation folded into single spaces."""
    return " ".join(text.split())


def _s(**sections: str) -> dict[str, str]:
    """A note's sections by key (see domain/templates.py), each folded to one paragraph."""
    return {key: fold(text) for key, text in sections.items()}


@dataclass(frozen=True)
class PersonSpec:
    name: str
    pronouns: str
    age: int
    birthday: tuple[int, int]  # (month, day)
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class SessionSpec:
    weeks_ago: int
    steps: tuple[int, ...]  # the steps the session worked on (the note's tags)
    partner_steps: dict[int, int]  # partner position -> where that partner stands
    sections: dict[str, str]
    attending: int | None = None  # partner position; None = everyone in the case
    weekday: int | None = None  # None: the case's usual day
    at: time | None = None  # None: the case's usual time
    minutes: int | None = None  # None: the case's usual length
    modality: Modality | None = None  # None: the case's usual modality
    template: Template = Template.FIVE_STEPS
    signed: bool = True
    addendum: str = ""  # a correction added after signing


@dataclass(frozen=True)
class CaseSpec:
    people: tuple[PersonSpec, ...]
    structure: str
    weekday: int
    at: time
    minutes: int
    sessions: tuple[SessionSpec, ...]
    modality: Modality = Modality.IN_PERSON
    safety_note: str = ""  # set: the safety flag is on
    closed_days_after_last: int | None = None  # set: the case was closed
    display_name: str = field(default="")
    readings: tuple[ReadingsRow, ...] = ()  # see demo_readings.py

    @property
    def kind(self) -> CaseKind:
        return CaseKind.COUPLE if len(self.people) == 2 else CaseKind.INDIVIDUAL


# --------------------------------------------------------------------------------------
# 1. Married; Zoë pursues, Daniel withdraws. De-escalating; both find their way to repair.
# --------------------------------------------------------------------------------------
MARCHETTI_OKAFOR = CaseSpec(
    people=(
        PersonSpec("Zoë Marchetti", "she/her", 38, (5, 14), "zoe.marchetti@example.org"),
        PersonSpec("Daniel Okafor", "he/him", 41, (11, 2), "", "555-0143"),
    ),
    structure="Married",
    weekday=TUE,
    at=time(17, 30),
    minutes=75,
    sessions=(
        SessionSpec(
            18,
            (1,),
            {1: 1, 2: 1},
            _s(
                focus="""First joint session. Married eleven years, two children (7 and 4). Zoë
                    made the contact; she describes the last year as living like flatmates
                    who share a calendar. Daniel came willingly but said he was not sure what
                    there was to talk about.""",
                shift="""Zoë dates the change to Daniel's new role at work about eighteen
                    months ago: later evenings, less talk. Daniel has noticed it more recently,
                    mostly as tension when he walks in the door. Both agree something has
                    changed; they do not yet agree on what or when.""",
                intention="""Introduced the five steps, beginning with Notice the Shift, and
                    said that not knowing yet is expected at this point. Each to notice one moment this week when they felt
                    close and one when they felt far, without acting on it.""",
            ),
        ),
        SessionSpec(
            17,
            (1, 2),
            {1: 2, 2: 1},
            _s(
                focus="""Zoë arrived upset after an argument in the car about being late.
                    Daniel was quiet for most of the first half.""",
                naming="""Slowed the car argument down together. When Daniel goes quiet, Zoë
                    asks more questions, faster; the more questions come, the quieter Daniel
                    gets. Both recognised the sequence once it was laid out. Named it as a
                    pursue-withdraw loop that catches them both, not as anyone's fault.""",
                intention="""Each to notice the first sign of the loop starting: for Zoë, the
                    urge to follow him into the next room; for Daniel, the tightness that comes
                    before he goes silent. Notice only; no need to change it yet.""",
                safety="""Seen individually for the first part of the session for IPV
                    screening. Neither partner reports fear, coercion or physical aggression.
                    No concerns at present.""",
            ),
        ),
        SessionSpec(
            16,
            (2,),
            {1: 2, 2: 2},
            _s(
                focus="""Reviewed the week's noticing. Zoë caught herself following Daniel
                    twice. Daniel caught the tightness once and said so aloud, which surprised
                    them both.""",
                naming="""Daniel put words to what the silence does for him: it keeps him from
                    saying something he will regret. Zoë had read the silence as not caring and
                    heard this as new. She described her pursuing as trying to find out whether
                    they are still all right. Each could say what the other's move feels like
                    from the receiving end.""",
                intention="""Agreed a pause signal: either can ask for twenty minutes, and
                    whoever asks says when they will come back. Try it at least once.""",
            ),
        ),
        SessionSpec(
            15,
            (2,),
            {1: 2},
            _s(
                focus="""Individual session with Zoë. Private: not to be used in joint
                    material unless she chooses.""",
                naming="""Zoë said her father went silent for days when he was angry, and that
                    Daniel's quiet lands on her as a verdict before he has said a word. She
                    could see that her questions come from fear more than from wanting
                    answers. She also said, haltingly, that she does not know whether she
                    would stay if nothing changed, and that saying it aloud makes it feel too
                    real.""",
                intention="""What she said about staying stays here. To notice the moment
                    fear turns into following him, and what she feels in her body
                    then.""",
            ),
            attending=1,
            weekday=THU,
            at=time(12, 30),
            minutes=50,
        ),
        SessionSpec(
            14,
            (2, 3),
            {1: 3, 2: 2},
            _s(
                data="""Joint session. They used the pause signal three times; twice it held.
                    Once Daniel did not come back at the time he named and Zoë followed him to
                    the garage. Zoë tearful describing that evening. Daniel flushed and fell
                    silent while it was discussed, said he felt underwater and asked to stop
                    for a minute.""",
                assessment="""The loop is familiar to both now and easier to catch, but it
                    tightens quickly when a return time is missed. Daniel appeared flooded in
                    session; a short break with slower breathing helped and he re-engaged.
                    Zoë is moving into Lean In, starting to look at both what still
                    matters and what feels unsustainable; Daniel is still at Name What's
                    Happening.""",
                plan="""Keep the pause signal; Daniel to name a return time he can keep rather
                    than an ideal one. Keep an eye on flooding. Next session: begin exploring
                    what each still values.""",
            ),
            template=Template.DAP,
        ),
        SessionSpec(
            13,
            (3,),
            {1: 3, 2: 2},
            _s(
                focus="""Calmer start; a good weekend visiting Daniel's sister.""",
                leaning_in="""Zoë named what still matters: Daniel's steadiness with the
                    children and the humour they share when it shows up. What feels
                    unsustainable to her is reaching for closeness and getting logistics back.
                    Daniel could name what matters to him, the home and family they built, but
                    found it hard to say what feels unsustainable; he said only that he is
                    tired all the time. Did not press; his side of the picture is still
                    forming.""",
                intention="""Daniel to jot down, privately, anything that feels hard to keep
                    doing; he decides what to share. Zoë to practise making one request a day
                    phrased as a feeling rather than a verdict.""",
            ),
            addendum="""Correction to Next steps: Zoë's practice was agreed for three days this
                week, not every day. A daily practice was discussed in session and set aside as
                too much.""",
        ),
        SessionSpec(
            11,
            (2, 3),
            {1: 3, 2: 3},
            _s(
                focus="""Daniel brought his list and chose to read two items: feeling he can
                    never get things right at home, and having no time that is only his.""",
                leaning_in="""Zoë listened without rebutting, with visible effort. Her first
                    reaction was hurt; she named it, then asked what getting it right would
                    look like. Daniel said he feels watched for signs of distance, which makes
                    him more distant. Both could see the loop from this other side. First clear
                    moment of co-regulation: both slowed down and stayed in the conversation
                    when it got hard.""",
                intention="""One evening a week with no questions about the relationship, and
                    one protected hour for Daniel on Saturday mornings.""",
            ),
        ),
        SessionSpec(
            10,
            (3,),
            {1: 3, 2: 3},
            _s(
                focus="""The evening without relationship questions happened; both called it
                    strange and restful. Daniel used his Saturday hour to go running and came
                    back talkative.""",
                leaning_in="""Zoë said she felt anxious for the first hour of the quiet
                    evening and let the feeling pass rather than acting on it. Daniel said
                    that knowing the evening was protected made it easier to start a
                    conversation himself, which he did. Explored what each is giving up for
                    these changes and whether it feels worth it; both said yes, for
                    now.""",
                intention="""Keep the quiet evening and the Saturday hour. Daniel to tell Zoë
                    one thing about his day without being asked, twice this week.""",
            ),
        ),
        SessionSpec(
            8,
            (2, 3),
            {1: 2, 2: 3},
            _s(
                focus="""A difficult fortnight. A missed school pickup turned into their
                    biggest argument in months, with raised voices in front of the
                    children.""",
                naming="""Zoë said the argument made her wonder whether anything has changed
                    at all; she is back to asking what no longer works. Daniel withdrew for two
                    days afterwards. Named that the loop returned at full strength under
                    stress, which is common, and that a setback is not a verdict.""",
                leaning_in="""Unusually, Daniel reached toward Zoë in session. He said he never
                    wants the children to see that again and asked what would help her feel
                    less alone on days like that. Zoë softened.""",
                intention="""On heavy logistics days, a short message to each other at
                    lunchtime. Each to note what they needed during the argument and did not
                    get.""",
            ),
        ),
        SessionSpec(
            7,
            (2, 3),
            {1: 3, 2: 3},
            _s(
                data="""Joint session. Both brought notes on what they needed during the
                    argument and did not get. Zoë: for Daniel to stay in the room, even
                    silent. Daniel: for Zoë to lower her voice and let him finish a sentence.
                    Daniel apologised for the two days of silence afterwards; Zoë apologised
                    for what she said in front of the children. Both apologies were received.
                    They have told the children together that they argued and are sorting it
                    out.""",
                assessment="""The setback was followed by a real repair, made more quickly than
                    earlier in the work. Each could hear the other's need without defending.
                    Intensity lower than last session; co-regulation held when the argument
                    was revisited.""",
                plan="""Keep the lunchtime messages. Agreed that on hard days either can say
                    "I need the pause" and the other lets it happen without following.""",
            ),
            template=Template.DAP,
        ),
        SessionSpec(
            5,
            (3, 4),
            {1: 3, 2: 3},
            _s(
                focus="""Steadier weeks: two small episodes of the loop, both paused and
                    picked up again later.""",
                leaning_in="""Explored what each would need in order to keep going. Zoë: to
                    be asked about her day and told about his. Daniel: to be trusted when he
                    says he needs time and will come back. Each found the other's need
                    reasonable, which neither had expected.""",
                direction="""Zoë said for the first time that she thinks she wants to try to
                    repair this, and called it tentative. Daniel is not at a direction yet and
                    said so without apologising. Both accepted being in different places.""",
                intention="""Keep the lunchtime messages and the Saturday hour. Optional: one
                    thing they used to enjoy doing together.""",
            ),
        ),
        SessionSpec(
            4,
            (3, 4),
            {1: 4, 2: 4},
            _s(
                focus="""They went to a concert together, the first time in two years. Both
                    described it as awkward at first and then good.""",
                leaning_in="""Daniel named one more thing that still feels unsustainable: the
                    pace of Zoë's questions when she is anxious. She acknowledged it, and we
                    practised her asking one question and then waiting.""",
                direction="""Repair feels firmer for Zoë; she is clear she is not deciding for
                    both of them. Daniel said he may be leaning the same way but wants more
                    time before naming it. He was calm saying this, not withdrawn.""",
            ),
        ),
        SessionSpec(
            3,
            (4,),
            {2: 4},
            _s(
                focus="""Individual session with Daniel. Private.""",
                leaning_in="""Daniel said he has held back from naming repair because it would
                    feel like a promise to change, and he is afraid of failing at it and of
                    being watched for signs that he is. He also spoke of a thought he had in
                    the winter, that he would be calmer living on his own. He now thinks that
                    was exhaustion speaking, but is not certain. Explored both sides without
                    steering toward either.""",
                direction="""A direction is taking shape but is not yet clear to him. He
                    would like repair to be something he chooses rather than something he
                    agrees to.""",
                intention="""No timetable. To notice the moments at home when he feels at
                    ease, and what was happening just before them.""",
            ),
            attending=2,
            weekday=THU,
            at=time(17, 30),
            minutes=50,
        ),
        SessionSpec(
            2,
            (4,),
            {1: 4, 2: 4},
            _s(
                focus="""A hard week: a child ill at home and a deadline at Daniel's work. The
                    loop showed up once and was caught. Zoë asked one question and waited;
                    Daniel said he needed an hour and would come back at nine, and did.""",
                direction="""Zoë's direction is steady: repair. Daniel said the idea of repair
                    feels less like a promise he might break and more like something they
                    would build together, but it is still not clear enough to name. Zoë said
                    she can wait, and seemed to mean it.""",
                intention="""Keep the pause and the lunchtime messages. Each to think about
                    what repair would look like on an ordinary Tuesday.""",
            ),
        ),
        SessionSpec(
            0,
            (4,),
            {1: 4, 2: 4},
            _s(
                focus="""Daniel asked to start. He said he wants to try to repair the marriage,
                    and that he is choosing it, not going along with it. Zoë was tearful and
                    asked him to say it again, slowly.""",
                direction="""Both now describe their direction as repair. Went back over what
                    each has said repair would ask of them: for Zoë, trusting that he will
                    come back; for Daniel, telling her about his day and his worries before
                    she has to ask. Neither wanted to rush past this.""",
                intention="""Begin turning the direction into ordinary weekly practice; review
                    in two weeks whether to move to fortnightly sessions.""",
            ),
            signed=False,
        ),
    ),
    readings=readings.MARCHETTI_OKAFOR,
)

# --------------------------------------------------------------------------------------
# 2. Living together; Tom "all in", Priya a "question mark". Polarizing after a disclosure.
# --------------------------------------------------------------------------------------
RAMAN_ALBRECHT = CaseSpec(
    people=(
        PersonSpec("Priya Raman", "she/her", 34, (2, 9), "priya.r@example.net"),
        PersonSpec("Tom Albrecht", "he/him", 36, (8, 27), "tom.albrecht@example.com"),
    ),
    structure="Partnered, living together",
    weekday=THU,
    at=time(18, 0),
    minutes=75,
    sessions=(
        SessionSpec(
            16,
            (1, 2),
            {1: 2, 2: 1},
            _s(
                focus="""Intake. Together six years, living together for four. Tom made the
                    referral; he wants to fix whatever is broken and says he is ready to do
                    whatever it takes. Priya agreed to come but is unsure what she wants from
                    it. She chose her words slowly and carefully.""",
                shift="""Tom noticed a change only in the last few months: Priya going to bed
                    earlier, fewer plans together. Priya said the shift for her began more than
                    a year ago and that she has been thinking about it on her own since.""",
                naming="""Priya said she feels like a guest in a life that was planned around
                    her. Tom was visibly surprised.""",
                intention="""Introduced the five steps and normalised partners starting in
                    different places. Plan: one more joint session, then one individual session
                    each, then rejoin.""",
                safety="""Individual IPV screening with each partner at the end of the
                    session. No fear, coercion or aggression reported. No concerns.""",
            ),
        ),
        SessionSpec(
            15,
            (2,),
            {1: 2, 2: 1},
            _s(
                focus="""Tom came with a written plan: date nights and a weekend away. Priya
                    went quiet as he described it.""",
                naming="""Named where each stands: Tom is all in and looking for things to do;
                    Priya is questioning and needs room to know what she feels before doing
                    anything. Tom heard this as her already being gone; Priya said that is not
                    what she means. Named that both positions make sense, and that rushing in
                    either direction tends to backfire.""",
                intention="""Tom agreed to put the plan on hold for now. Individual sessions
                    next week: Tom on Monday, Priya on Wednesday.""",
            ),
            modality=TELE,
            addendum="""Correction: the individual sessions were booked the other way round,
                Priya on Monday and Tom on Wednesday. Next steps above has the order
                reversed.""",
        ),
        SessionSpec(
            14,
            (2, 3),
            {1: 3},
            _s(
                focus="""Individual session with Priya. Private: not to be used in joint
                    material unless she chooses.""",
                naming="""Priya said she has been looking at flats to rent on her own for a
                    couple of months and has not told Tom. Imagining her own place brings
                    relief, then guilt straight after. Her parents stayed together out of duty
                    and she remembers that house as quiet and cold; she fears repeating it, and
                    equally fears leaving only to get away from discomfort.""",
                leaning_in="""Explored both pulls. Toward staying: Tom's kindness, their
                    friends, the life they have built; she still loves him, though not in the
                    way she thinks he needs. Toward leaving: feeling unseen, and a sense of her
                    own life waiting. She noticed she has been deciding alone and in silence,
                    and that this is lonely too.""",
                intention="""What she shared today stays here. She will consider whether, when
                    and how to tell Tom about the flat searching; no pressure on timing. To
                    notice when the pull to leave feels like moving toward peace and when it
                    feels like escape.""",
            ),
            attending=1,
            weekday=MON,
            at=time(12, 30),
            minutes=50,
        ),
        SessionSpec(
            14,
            (1, 2),
            {2: 2},
            _s(
                focus="""Individual session with Tom. Private.""",
                shift="""Tom said the intake was the first time he understood Priya had been
                    unhappy for a long time. He keeps replaying the past year for signs he
                    missed, and blames himself.""",
                naming="""He named his fear of losing her, and that his way of coping is to
                    do more: plan, suggest, fix. He can see it may land as pressure. He also
                    said he has been lonely for a while and did not let himself notice it.
                    Reflected that his own questions about the relationship matter too, not
                    only hers.""",
                intention="""Tom to spend a few minutes a day sitting with not knowing,
                    without reaching for a plan. Joint sessions resume next week.""",
            ),
            attending=2,
            weekday=WED,
            at=time(9, 0),
            minutes=50,
        ),
        SessionSpec(
            12,
            (2, 3),
            {1: 3, 2: 2},
            _s(
                focus="""Back to joint sessions. A softer, more careful tone on both
                    sides.""",
                naming="""Tom said he has noticed that his planning is partly a way to calm
                    his own fear. Priya thanked him for saying it. She said, in general terms,
                    that she has been picturing a life on her own and that it scares her as
                    much as it draws her. Tom stayed with that, shaken but steady.""",
                leaning_in="""Priya named what still matters: his kindness, their friends, the
                    ease of ordinary days. What feels unsustainable: always being the one who
                    has to want things. Tom listened without arguing.""",
                intention="""No big decisions for now. Each to write, separately, one thing
                    they want the other to know and have not said.""",
            ),
        ),
        SessionSpec(
            9,
            (3,),
            {1: 3, 2: 2},
            _s(
                focus="""Tom cancelled the weekend away he had booked, on his own initiative,
                    and told Priya it could wait until they both want it.""",
                leaning_in="""Read the letters aloud. Tom's: he misses who they were at the
                    start and is afraid of who he becomes when he is scared. Priya's: she is
                    afraid of disappointing him whichever way she goes. Both cried. Priya said
                    she is not ready to name a direction and does not want to be asked for one
                    yet.""",
                direction="""Not yet clear for either of them; both agreed that is all
                    right.""",
                intention="""Priya said there is something she has not yet said that she wants
                    to bring to a joint session when she is ready. Tom to keep his daily
                    practice of sitting with not knowing.""",
            ),
            modality=TELE,
        ),
        SessionSpec(
            7,
            (2, 3),
            {1: 3, 2: 2},
            _s(
                focus="""Priya told Tom that she has been thinking about what living apart
                    might be like, including looking at places. Tom went quiet, then asked
                    questions very fast; named the switch from quiet to pursuing and he slowed
                    himself down.""",
                leaning_in="""Priya explained that looking was her way of testing what she
                    feels, not a plan already made. Tom said he was hurt that she did it alone
                    and relieved that it has been said. Both agreed the hardest part is that
                    Tom is sure and Priya is not.""",
            ),
        ),
        SessionSpec(
            6,
            (2, 3),
            {1: 3, 2: 2},
            _s(
                focus="""The first week since Priya's disclosure. Tom has asked about the flat
                    searching most evenings; Priya has started staying late at work.""",
                naming="""Named the loop as it stands now: the less sure Tom feels, the more
                    he asks; the more he asks, the harder it is for Priya to know what she
                    feels, and the quieter she gets, which frightens Tom into asking again.
                    Both recognised it. Tom said the questions keep the panic down; Priya said
                    each one feels like a deadline. Neither could step out of it in the room
                    today.""",
                intention="""One agreed, time-limited conversation about the flat each week,
                    rather than every evening. No decisions while either of them feels
                    flooded.""",
            ),
        ),
        SessionSpec(
            5,
            (2,),
            {2: 2},
            _s(
                focus="""Individual session with Tom. Private.""",
                naming="""Tom has slept badly since the disclosure. He messages Priya at work
                    to ask whether they are all right and knows it pushes her further away,
                    but the waiting feels unbearable. Explored what the asking protects him
                    from: the thought that she has already decided and he will be the last to
                    know. He kept to the agreed evening for the flat conversation, then raised
                    it again two days later.""",
                intention="""Stayed with the fear rather than a plan. To notice the moment
                    before he reaches for his phone and what he feels then; a daily walk
                    without it.""",
            ),
            attending=2,
            weekday=WED,
            at=time(9, 0),
            minutes=50,
        ),
        SessionSpec(
            4,
            (2, 3),
            {1: 3, 2: 2},
            _s(
                data="""Joint session. The weekly conversation happened, then spilled over
                    into three more evenings. Tom asked Priya, urgently, for a date by which
                    she would know. Priya went still, said her mind had gone blank and asked
                    to stop; after a pause she could not pick the thread up again. Tom
                    apologised, then asked again a few minutes later.""",
                assessment="""The pursue-withdraw loop is tightening: Tom's reaching grows with
                    his fear and Priya's retreat deepens with the pressure, and each move
                    makes sense from where they stand. Priya appeared flooded. No
                    co-regulation seen; repair attempts did not land today. Neither is in a
                    state to decide anything, and nothing of the kind is expected of
                    them.""",
                plan="""Offer Priya an individual session before the next joint one, as Tom
                    had last week. Suggest keeping questions about the future for the
                    sessions, where there is room to slow down. Routine safety check with each
                    partner at their next individual session, given the rising tension.""",
            ),
            template=Template.DAP,
        ),
        SessionSpec(
            3,
            (3, 4),
            {1: 4},
            _s(
                focus="""Individual session with Priya. Private: not to be used in joint
                    material unless she chooses.""",
                naming="""Priya has spent some nights at a friend's to get some quiet. She
                    described feeling hunted by the questions, then guilty for feeling it,
                    because she knows Tom is frightened.""",
                direction="""Something is taking shape for her, but she cannot tell yet
                    whether it is clarity or the wish for the pressure to stop. Explored what
                    a choice toward something feels like from the inside, compared with one
                    made to get away from a feeling. Named that a decision made while flooded
                    is hard to trust, whichever way it goes. She wants the joint sessions to
                    slow down, not to stop.""",
                intention="""She will decide whether to tell Tom about the nights at her
                    friend's; she thinks she will.""",
                safety="""Routine check given the rising tension at home. No fear, coercion or
                    aggression reported; she feels safe with Tom. It is the pressure, not him,
                    that she finds hard.""",
            ),
            attending=1,
            weekday=MON,
            at=time(12, 30),
            minutes=50,
        ),
        SessionSpec(
            2,
            (2, 4),
            {1: 4, 2: 2},
            _s(
                focus="""Tom read out a list of the things he has changed since the intake.
                    Priya said she can see how hard he is trying. She then told him about the
                    nights at her friend's, and went quiet soon after.""",
                naming="""Tom heard the nights away as a step toward leaving and asked what
                    they meant several times; Priya shut down and could not find words for
                    the rest of the session. Named, without blame, that Tom's trying has come
                    to feel like pressure to Priya, and her stepping back has come to feel
                    like an answer to Tom. Both nodded; neither could slow down today.""",
                intention="""Tom to bring questions about the future to the sessions rather
                    than raise them at home. Priya to say "I need a pause" when she can,
                    rather than going silent. Individual session for Tom next week.""",
            ),
        ),
        SessionSpec(
            1,
            (2,),
            {2: 2},
            _s(
                focus="""Individual session with Tom, by video. Private.""",
                naming="""Tom said he feels he is fighting for the relationship alone, and
                    that every step back by Priya makes him try harder. He could see, with
                    some pain, that the trying is now part of what she steps back from. He
                    does not know how to do less without feeling he is giving up.""",
                intention="""Explored what not giving up could look like other than pursuing:
                    staying steady and leaving room for her to come toward him. One evening
                    this week without raising the relationship, noticing what it costs
                    him.""",
                safety="""Routine check given the rising tension. No fear, coercion or
                    aggression reported; arguments at home stay verbal.""",
            ),
            attending=2,
            weekday=WED,
            at=time(9, 0),
            minutes=50,
            modality=TELE,
        ),
        SessionSpec(
            0,
            (2, 4),
            {1: 4, 2: 2},
            _s(
                focus="""Tense from the start. A friend had mentioned seeing Priya at a
                    letting agent's, and Tom asked whether she has signed for a flat. She has
                    not. Priya went quiet and far away within minutes; after a break she
                    could say only that she cannot think when she feels cornered.""",
                naming="""Named where the loop has brought them: the further apart they feel,
                    the harder Tom reaches and the further Priya retreats, and each move makes
                    sense from inside it. Tom is still putting words to what has changed;
                    Priya is further along in her own questions, with no direction clear yet.
                    Being in different places is not a failing of either of them.""",
                intention="""Proposed an individual session for each over the next fortnight,
                    then a joint session with a narrow, agreed focus. No decisions in the
                    meantime, in either direction.""",
            ),
            signed=False,
        ),
    ),
    readings=readings.RAMAN_ALBRECHT,
)

# --------------------------------------------------------------------------------------
# 3. A situationship finding its shape: toward redefinition, Łukasz a little behind Sam.
# --------------------------------------------------------------------------------------
WHITAKER_WISNIEWSKI = CaseSpec(
    people=(
        PersonSpec("Sam Whitaker", "he/him", 29, (9, 30), "sam.w@example.org"),
        PersonSpec("Łukasz Wiśniewski", "he/him", 31, (3, 18), "lukasz.w@example.com"),
    ),
    structure="Situationship",
    weekday=WED,
    at=time(17, 0),
    minutes=60,
    modality=TELE,
    sessions=(
        SessionSpec(
            13,
            (1,),
            {1: 1, 2: 1},
            _s(
                focus="""First session, by video. They have been seeing each other for about
                    fourteen months without calling it anything. Sam asked for the sessions
                    after a friend's wedding where neither knew how to introduce the
                    other.""",
                shift="""Sam has noticed he wants more: to be introduced, to make plans past
                    next month. Łukasz noticed the change in Sam before anything in himself;
                    he described the evenings as feeling heavier. Both were clear that they
                    care about each other.""",
                intention="""Agreed that the aim is clarity about what they are to each
                    other, whatever that turns out to be.""",
                safety="""Screened individually by phone before this session. No
                    concerns.""",
            ),
        ),
        SessionSpec(
            11,
            (2,),
            {1: 2, 2: 1},
            _s(
                focus="""Sam said he always has to be the one who brings it up. Łukasz said
                    the topic makes him want to change the subject.""",
                naming="""Named their pattern: Sam raises what they are; Łukasz deflects with
                    a joke; Sam pushes; Łukasz goes quiet; both feel worse. Łukasz said having
                    no label has felt like freedom, and that he is only now wondering why that
                    matters so much to him.""",
                intention="""Łukasz to notice what comes up when he imagines the word
                    boyfriend. Sam to notice what he fears would happen if he stopped raising
                    it.""",
            ),
        ),
        SessionSpec(
            9,
            (2, 3),
            {1: 3, 2: 2},
            _s(
                focus="""Both did the noticing. For Łukasz the word brought back his last
                    relationship, which ended badly after they moved in together very
                    quickly.""",
                naming="""Łukasz named that his caution belongs partly to that history, not
                    only to Sam. Sam found this a relief; he had assumed the hesitation meant
                    he was not wanted.""",
                leaning_in="""Sam explored what he would lose by staying as they are, a sense
                    of being chosen, and what he would lose by stepping away, the closest
                    connection he has had in years. He said both are true at once.""",
                intention="""Łukasz to write down what a definition would need to include or
                    leave out for him to feel safe in it.""",
            ),
        ),
        SessionSpec(
            7,
            (3,),
            {1: 3, 2: 3},
            _s(
                focus="""Łukasz brought his list: no moving in for now, keeping separate
                    friendships, and time alone at weekends.""",
                leaning_in="""Sam was surprised that none of it conflicts with what he wants,
                    which is mainly to be acknowledged and to plan ahead. Explored what each
                    finds unsustainable: for Sam, not knowing from month to month; for Łukasz,
                    feeling rushed. Both stayed curious rather than defensive.""",
                intention="""Each to write what being together would mean in their own words,
                    without trying to match the other.""",
            ),
        ),
        SessionSpec(
            5,
            (3, 4),
            {1: 4, 2: 3},
            _s(
                focus="""Compared what they wrote. More overlap than either expected.""",
                direction="""A direction is forming for Sam: redefinition, from something
                    unnamed into a committed relationship with its own shape rather than a
                    standard script. Łukasz is curious but not there yet; he wants to see
                    whether agreements hold when life gets busy.""",
                intention="""A one-month trial of what they drafted: introducing each other as
                    partners, planning one thing a month ahead, protected weekend time alone
                    for Łukasz.""",
            ),
        ),
        SessionSpec(
            1,
            (4,),
            {1: 4, 2: 4},
            _s(
                focus="""Three weeks into the trial. Łukasz introduced Sam as his partner at a
                    work dinner; both called it a small thing that felt big.""",
                direction="""Łukasz said the redefinition feels possible to him now, as long
                    as it stays theirs to shape. Sam is steady in it. Both are still a little
                    watchful, and said so.""",
                intention="""Finish the trial month, then review what held and what needs
                    changing. Move to fortnightly sessions.""",
            ),
        ),
    ),
    readings=readings.WHITAKER_WISNIEWSKI,
)

# --------------------------------------------------------------------------------------
# 4. Safety flag: joint work paused, individual sessions. Kept deliberately brief.
# --------------------------------------------------------------------------------------
EZE_HALE = CaseSpec(
    people=(
        PersonSpec("Ngozi Eze", "she/her", 42, (7, 3)),
        PersonSpec("Marcus Hale", "he/him", 45, (1, 21)),
    ),
    structure="Married",
    weekday=MON,
    at=time(10, 0),
    minutes=50,
    safety_note="""IPV screening at intake (partners seen separately): Ngozi described
        feeling afraid during some arguments, limits on money and on seeing friends, and
        one incident of property damage last year. No injuries reported. Joint sessions
        paused; individual sessions only. Safety plan and support contacts given to Ngozi
        privately. No joint handouts.""",
    sessions=(
        SessionSpec(
            7,
            (1,),
            {1: 1, 2: 1},
            _s(
                focus="""Intake. Married eight years. Marcus booked the appointment after
                    Ngozi said she was thinking of leaving. Marcus did most of the talking;
                    Ngozi often looked at him before answering.""",
                shift="""Marcus described the change as Ngozi becoming distant since she went
                    back to work. Ngozi said little in the joint part of the session.""",
                safety="""Each partner seen alone for screening, per protocol; findings are in
                    the case safety note. Safety flag set. Joint work paused in favour of
                    individual sessions, explained to both in neutral terms as a usual first
                    phase.""",
                intention="""Individual sessions with each partner next. No joint
                    homework.""",
            ),
            minutes=60,
        ),
        SessionSpec(
            6,
            (1, 2),
            {1: 2},
            _s(
                focus="""Individual session with Ngozi. Private.""",
                shift="""She said the change is in herself: going back to work has shown her
                    how small her world had become.""",
                naming="""Ngozi began, at her own pace, to put words to what happens at home.
                    She wondered aloud whether what she calls keeping the peace is really
                    keeping herself safe. Did not press for a decision; reflected that clarity
                    can wait until she feels safer.""",
                safety="""Went through the safety plan together: who she can call, where her
                    documents are, a safe way to reach the practice. She does not feel in
                    immediate danger and has a friend she can stay with. Agreed a neutral way
                    to cancel a session without explanation if needed.""",
            ),
            attending=1,
        ),
        SessionSpec(
            5,
            (1,),
            {2: 1},
            _s(
                focus="""Individual session with Marcus. Private.""",
                shift="""Marcus said he knows Ngozi is unhappy but does not understand why. He
                    sees her friendships at work as a threat to the marriage.""",
                safety="""Explored how arguments go at home. Marcus acknowledged losing his
                    temper, including the damage last year, and played down its effect.
                    Reflected that fear changes what a partner is able to say and choose. He
                    was defensive but agreed to look at a specialist programme for people who
                    want to change how they act in conflict; information given. Nothing from
                    Ngozi's sessions was used or referred to.""",
                intention="""Follow up on the programme next time. Joint sessions remain
                    paused.""",
            ),
            attending=2,
            at=time(14, 0),
        ),
        SessionSpec(
            3,
            (2,),
            {1: 2},
            _s(
                focus="""Individual session with Ngozi, by video from her workplace at her
                    request. Private.""",
                naming="""Ngozi said she has stopped telling Marcus where she goes after work,
                    to avoid arguments, and that she misses who she used to be. She does not
                    know yet what she wants for the marriage; she knows she wants to feel free
                    in her own home. Reflected that not knowing yet is understandable.""",
                safety="""No new incidents. Safety plan reviewed; a trusted colleague's number
                    added. Reminded of the support lines available at any hour.""",
            ),
            attending=1,
            at=time(12, 30),
            modality=TELE,
        ),
        SessionSpec(
            1,
            (2,),
            {1: 2},
            _s(
                focus="""Individual session with Ngozi. Private.""",
                naming="""She spoke about her sister, who has offered her a room, and about
                    the loyalty and shared history that pull her toward the marriage. Both are
                    real for her. She is not ready to choose and does not feel she has to
                    today.""",
                safety="""No new incidents reported. She says Marcus has contacted the
                    programme. Safety plan unchanged; she knows how to reach support between
                    sessions.""",
                intention="""Continue individual sessions. Joint work only if and when it is
                    safe and she wants it.""",
            ),
            attending=1,
        ),
    ),
)

# --------------------------------------------------------------------------------------
# 5. An individual case: working on a long marriage alone, toward repair with new roles.
# --------------------------------------------------------------------------------------
PAPADAKI = CaseSpec(
    people=(
        PersonSpec("Ελένη Παπαδάκη", "she/her", 47, (10, 8), "eleni.p@example.org", "555-0178"),
    ),
    structure="Married",
    weekday=FRI,
    at=time(11, 0),
    minutes=50,
    modality=TELE,
    sessions=(
        SessionSpec(
            19,
            (1,),
            {1: 1},
            _s(
                focus="""First session, by video. Ελένη comes on her own; her husband Christos
                    knows and has chosen not to join for now. Married twenty-two years; their
                    younger son left for university in the autumn.""",
                shift="""The house feels loud with quiet since her son left. She dreads
                    weekends and has started staying late at the family business. She cannot
                    yet say whether the shift is in the marriage, in her, or in both.""",
                intention="""Said that working on a relationship alone is a legitimate place
                    to start. To notice moments of ease and of unease at home, without judging
                    them.""",
                safety="""Screening completed. No concerns reported.""",
            ),
        ),
        SessionSpec(
            17,
            (1, 2),
            {1: 1},
            _s(
                focus="""Reviewed her noticing. Ease: morning coffee, Christos reading while
                    she is in the garden. Unease: dinners, when there is nothing to say.""",
                shift="""She realised that most of their conversation for years has been about
                    the children or the business. Without those she is not sure who they are
                    together.""",
                intention="""To notice what she herself misses, apart from what the marriage
                    lacks.""",
            ),
        ),
        SessionSpec(
            15,
            (2,),
            {1: 2},
            _s(
                focus="""She came in tired after a week of year-end accounts.""",
                naming="""Ελένη named what no longer works: she organises everything and
                    feels alone in it, and stopped asking for help years ago because it felt
                    like nagging. She was equally clear that Christos is a decent, loyal man.
                    Naming it brought sadness rather than anger.""",
                intention="""To write, for herself only, what she would want the next twenty
                    years to hold.""",
            ),
        ),
        SessionSpec(
            12,
            (2, 3),
            {1: 3},
            _s(
                subjective="""Reports a week of low mood after a disagreement with her husband
                    about selling part of the business; says she felt invisible in the
                    conversation. Slept poorly for several nights, now improving. Brought her
                    written reflection: travel, painting, more time with her sister, and a
                    husband who is curious about her.""",
                objective="""Engaged and reflective on video. Tearful reading her list, able
                    to continue. Affect congruent with content. No indication of risk.""",
                assessment="""Moving from Name What's Happening into Lean In: she can now hold what she
                    values in the marriage alongside what feels unsustainable. The low mood
                    appears situational, linked to feeling unheard; to monitor.""",
                plan="""Continue individual sessions, weekly to fortnightly. Explore both
                    pulls next time. She is thinking about showing Christos part of her
                    list.""",
            ),
            template=Template.SOAP,
        ),
        SessionSpec(
            9,
            (3,),
            {1: 3},
            _s(
                focus="""She told Christos about part of her list. He listened and said
                    little; a few days later he asked whether she would like to go to the coast
                    in the spring, which she took as his reply.""",
                leaning_in="""Explored both pulls. Toward staying: shared history, his
                    loyalty, their sons, a fondness she still feels. Toward leaving: a fear of
                    spending the rest of her life being useful rather than known. The leaving
                    pull is strongest when she is exhausted; she asked herself whether it is
                    about leaving him or leaving a role.""",
                intention="""To notice whether the pull is toward a different life or away
                    from this one.""",
            ),
        ),
        SessionSpec(
            5,
            (3, 4),
            {1: 3},
            _s(
                focus="""Ελένη and Christos had their first long conversation in months, on a
                    walk. He told her he has also been lonely since their son left and did not
                    know how to say it.""",
                leaning_in="""Moved and cautious. Explored what would need to change for the
                    marriage to feel alive to her: sharing the running of the house and the
                    business, and time that is about the two of them.""",
                direction="""A direction may be forming, toward repair with some redefinition
                    of roles. She does not want to name it yet; she wants to see whether the
                    walk was a one-off.""",
                intention="""She is considering inviting Christos to a session and will decide
                    in her own time.""",
            ),
        ),
        SessionSpec(
            0,
            (4,),
            {1: 4},
            _s(
                focus="""Christos asked whether he could join a session. Ελένη would like that
                    and worries about him feeling ambushed.""",
                direction="""She describes her direction as repair, with the marriage
                    redefined around the two of them rather than the business. She says it
                    feels chosen rather than settled for. Still watchful.""",
                intention="""Prepare for a possible joint session: what she wants Christos to
                    hear, and what she wants to ask him.""",
            ),
            signed=False,
        ),
    ),
    readings=readings.PAPADAKI,
)

# --------------------------------------------------------------------------------------
# 6. Consensually non-monogamous nesting partners: the agreements, not the form, in question.
# --------------------------------------------------------------------------------------
REYES_NAKAMURA = CaseSpec(
    people=(
        PersonSpec("Jordan Reyes", "she/her", 35, (6, 11), "jordan.reyes@example.net"),
        PersonSpec("Kai Nakamura", "they/them", 33, (12, 4), "kai.n@example.org"),
    ),
    structure="Consensually non-monogamous (nesting partners)",
    weekday=WED,
    at=time(15, 30),
    minutes=75,
    sessions=(
        SessionSpec(
            14,
            (1, 2),
            {1: 1, 2: 2},
            _s(
                focus="""Intake. Together seven years, living together, non-monogamous by
                    agreement for the last three. Both stressed that the structure has worked
                    well for them and is not what they came about.""",
                shift="""Kai noticed a change since Jordan began seeing Ren about five months
                    ago: Jordan more distracted at home, plans moved around. Jordan noticed
                    Kai becoming quieter and more guarded, and put it down to Kai's work.""",
                naming="""Kai said the agreements they wrote early on no longer fit their
                    lives. Jordan agreed in principle and felt defensive about Ren.""",
                safety="""Individual screening completed. No concerns.""",
                intention="""Each to notice moments of feeling prioritised or set aside,
                    without trying to solve anything yet.""",
            ),
        ),
        SessionSpec(
            12,
            (2,),
            {1: 2, 2: 2},
            _s(
                focus="""Both brought examples. Kai: a birthday dinner moved at short notice.
                    Jordan: Kai not asking about her weekend and going to bed early.""",
                naming="""Named the pattern: hurt goes unspoken, then leaks out as coolness,
                    which Jordan reads as disapproval of Ren and defends against. Kai said the
                    hurt is about being held in mind, not about Ren as a person. Jordan
                    relaxed noticeably on hearing that.""",
                intention="""Jordan to check with Kai before rescheduling anything they have
                    planned. Kai to say when they feel set aside, in the moment if they
                    can.""",
            ),
        ),
        SessionSpec(
            10,
            (3,),
            {1: 3, 2: 3},
            _s(
                focus="""A better fortnight; Jordan checked in twice before changing plans,
                    and Kai spoke up once.""",
                leaning_in="""Explored what each values in their nesting relationship: home,
                    shared finances, the dog, being each other's first call. And what feels
                    unsustainable: for Kai, a calendar negotiated only when clashes happen;
                    for Jordan, feeling she has to manage Kai's feelings about Ren. Both want
                    the relationship; what they are unsure of is its shape now.""",
                intention="""Each to think about what they would keep, change or add in their
                    agreements.""",
            ),
        ),
        SessionSpec(
            8,
            (3, 4),
            {1: 3, 2: 4},
            _s(
                data="""Joint session. Kai opened by saying they had thought about whether
                    they still want non-monogamy for themself and concluded yes, with clearer
                    agreements. Jordan visibly relieved. Kai brought a draft: a shared
                    calendar, a weekly check-in, two protected evenings a week.""",
                assessment="""Kai is at Find Your Direction, with redefinition forming
                    clearly. Jordan is still in Lean In and at times agrees quickly to avoid conflict. No
                    escalation; good co-regulation when Jordan became tearful. The structure
                    is not in question; its terms are.""",
                plan="""Jordan to consider the draft at her own pace and note where she agreed
                    too fast. Review next session.""",
            ),
            template=Template.DAP,
        ),
        SessionSpec(
            5,
            (4,),
            {1: 4, 2: 4},
            _s(
                focus="""Jordan came back with changes to Kai's draft.""",
                direction="""She wants the weekly check-in to cover how each of them is doing,
                    not only logistics; Kai agreed at once. Both now describe their direction
                    as redefinition: the same commitment, with agreements rewritten for the
                    relationship they have now. Both sure enough to try it.""",
                intention="""Write the agreements up; Jordan to share the parts that affect
                    Ren with Ren, as all three had agreed. Six-week trial.""",
            ),
        ),
        SessionSpec(
            2,
            (4, 5),
            {1: 5, 2: 5},
            _s(
                focus="""Three weeks into the new agreements.""",
                direction="""Both confirm redefinition as their direction; nothing about it
                    feels rushed to either of them.""",
                intention="""Check-ins are happening weekly; one was missed and repaired the
                    next day. Kai feels held in mind again; Jordan finds the check-ins a relief
                    rather than a duty. Review date set; monthly sessions while the agreements
                    settle.""",
            ),
        ),
    ),
    readings=readings.REYES_NAKAMURA,
)

# --------------------------------------------------------------------------------------
# 7. Separated, co-parenting: letting go, deliberately and kindly. Closed.
# --------------------------------------------------------------------------------------
OSEI_LEFEVRE = CaseSpec(
    people=(
        PersonSpec("Amara Osei", "she/her", 39, (4, 25), "amara.osei@example.com"),
        PersonSpec("Julien Lefèvre", "he/him", 40, (1, 7), "j.lefevre@example.net"),
    ),
    structure="Separated, co-parenting",
    weekday=TUE,
    at=time(10, 30),
    minutes=60,
    closed_days_after_last=12,
    sessions=(
        SessionSpec(
            24,
            (2, 3),
            {1: 3, 2: 2},
            _s(
                focus="""Intake. Separated four months; Julien has a flat nearby and they
                    share care of their daughter Maëlle (9). Julien asked for the sessions,
                    hoping to understand whether the separation should be final. Amara agreed,
                    saying she wants them to handle this well whatever happens.""",
                naming="""Amara said she made her decision long ago but announced it in a
                    rush, during an argument, and regrets how. Julien said he cannot tell
                    whether the separation is a pause or an ending.""",
                safety="""Individual screening. No concerns. Both describe the separation as
                    sad rather than hostile.""",
                intention="""Agreed the work is about clarity for both of them, not about
                    persuading either one.""",
            ),
        ),
        SessionSpec(
            23,
            (2,),
            {2: 2},
            _s(
                focus="""Individual session with Julien. Private. He wanted room to speak
                    without worrying about hurting Amara.""",
                naming="""Julien said he keeps hoping the separation is a pause because the
                    alternative feels like failing at the one thing his own parents did not
                    manage. He misses Amara, and misses the family routine even more; he is
                    not sure which of the two he is grieving.""",
                intention="""To notice when the hope feels like wanting her, and when it feels
                    like not wanting to lose the shape of the family.""",
            ),
            attending=2,
            weekday=THU,
        ),
        SessionSpec(
            22,
            (3,),
            {1: 3, 2: 3},
            _s(
                focus="""A quieter session than the first.""",
                leaning_in="""Explored what still matters between them: Maëlle, fifteen years
                    of friendship, a shared sense of humour. And what had felt unsustainable:
                    Amara described years of feeling like a co-manager rather than a partner.
                    Julien said, for the first time, that he had felt it too and hoped it
                    would pass. Both were quiet afterwards, not hostile.""",
                intention="""Each to reflect: picturing us back together, what do I feel?
                    Picturing us apart and at peace, what do I feel?""",
            ),
        ),
        SessionSpec(
            21,
            (3,),
            {1: 3},
            _s(
                focus="""Individual session with Amara. Private.""",
                leaning_in="""Amara wanted to test her own certainty: is she moving toward a
                    life that fits, or away from the guilt of how she ended things? Explored
                    both pulls. She would miss his kindness and the ease of being known;
                    what felt unsustainable was years of running a household side by side
                    without being close. Looked at slowly, the certainty held, and she was
                    relieved to find it was not anger.""",
                intention="""To consider whether, and how, she wants to acknowledge to Julien
                    the way the decision was announced.""",
            ),
            attending=1,
            weekday=THU,
        ),
        SessionSpec(
            20,
            (3, 4),
            {1: 4, 2: 3},
            _s(
                focus="""Both did the reflection.""",
                leaning_in="""For Julien, picturing them back together brought relief first,
                    then dread of the same arguments. Picturing peace apart brought grief and,
                    unexpectedly, some calm. Amara described a steady calm picturing them
                    apart while still caring about him.""",
                direction="""Amara's direction is letting go, clearly and without anger.
                    Julien is not there; he is grieving the hope he came in with. Named that he
                    does not have to reach her place on her timetable.""",
            ),
        ),
        SessionSpec(
            18,
            (3, 4),
            {1: 4, 2: 3},
            _s(
                focus="""Julien arrived flat and tired after a hard handover: Maëlle asked
                    whether they would live together again, and neither knew what to
                    say.""",
                leaning_in="""Julien spoke of his fear that letting go means failing Maëlle.
                    Amara said she believes a peaceful separation can be good for her, and
                    that an unhappy home would not be. Both agreed that staying or leaving is
                    not the measure of being good parents.""",
                intention="""Prepare together a simple, honest answer for Maëlle, to be given
                    by both of them.""",
            ),
        ),
        SessionSpec(
            17,
            (3, 4),
            {1: 4, 2: 3},
            _s(
                focus="""Worked on the words for Maëlle, as agreed.""",
                naming="""Each wrote a few sentences and then they combined them: that they
                    both love her, that the decision is about the grown-ups and not about her,
                    that she will keep both homes. Julien could not write "we will not live
                    together again" and chose "we are going to live in two homes". Amara
                    accepted the change at once.""",
                direction="""Amara's direction is unchanged. Julien said writing the words
                    made it more real and, to his surprise, a little calmer. He is not ready
                    to name a direction.""",
            ),
        ),
        SessionSpec(
            16,
            (4,),
            {2: 4},
            _s(
                focus="""Individual session with Julien. Private.""",
                leaning_in="""Julien said the hope he came in with has been fading for some
                    weeks, and that letting it go feels less like losing and more like putting
                    down something heavy. He still grieves the family as it was. Explored what
                    he would need to let go well rather than quickly: time, a proper goodbye
                    to the marriage, and a good working relationship with Amara as Maëlle's
                    mother.""",
                direction="""Something is forming, not yet clear by his own account. He would
                    rather say it to Amara in a joint session than here first.""",
            ),
            attending=2,
            weekday=THU,
        ),
        SessionSpec(
            15,
            (4,),
            {1: 4, 2: 4},
            _s(
                focus="""Julien asked to speak first.""",
                direction="""He has come to the same place as Amara, in his own time: he does
                    not want to try again, and wants to let go well. He called it sad and clear
                    rather than defeated. Amara was tearful and thanked him.""",
                intention="""Turn toward next steps: what they tell Maëlle, handovers, and how
                    each will tell family.""",
            ),
        ),
        SessionSpec(
            13,
            (5,),
            {1: 5, 2: 4},
            _s(
                focus="""They told Maëlle together at the weekend, using the words they had
                    prepared. She was sad and asked practical questions about the holidays;
                    both felt it went as well as it could.""",
                intention="""Drafted a co-parenting routine: a short weekly message about
                    Maëlle's week, handovers at school where possible, and disagreements
                    discussed away from her. Julien is still finding his footing in Find Your
                    Direction; Amara is steadily at Move Forward with Intention.""",
            ),
        ),
        SessionSpec(
            12,
            (5,),
            {1: 5, 2: 5},
            _s(
                focus="""A week into the co-parenting routine.""",
                intention="""One handover ran late and turned tense at the school gate; they
                    talked it through by phone that evening without blame and agreed to send
                    a message if either is more than ten minutes late. Julien said he now
                    feels he is moving forward rather than waiting; Amara noticed he seemed
                    lighter. Holiday plans for Maëlle agreed in outline.""",
            ),
        ),
        SessionSpec(
            11,
            (5,),
            {1: 5, 2: 5},
            _s(
                focus="""Final planned session.""",
                intention="""The routine has mostly worked over the past fortnight; one tense
                    handover was talked through calmly afterwards. Both describe the decision
                    as theirs, made slowly and with care. Agreed to end here; either may come
                    back, alone or together, if co-parenting needs support.""",
            ),
        ),
    ),
    readings=readings.OSEI_LEFEVRE,
)

# --------------------------------------------------------------------------------------
# 8. A new case: married women, one noticing a shift after a bereavement.
# --------------------------------------------------------------------------------------
ALVES_KELLEHER = CaseSpec(
    people=(
        PersonSpec("Beatriz Alves", "she/her", 52, (8, 16), "beatriz.alves@example.com"),
        PersonSpec("Siobhán Kelleher", "she/her", 55, (2, 22), "", "555-0116"),
    ),
    structure="Married",
    weekday=THU,
    at=time(9, 30),
    minutes=75,
    sessions=(
        SessionSpec(
            2,
            (1,),
            {1: 1, 2: 1},
            _s(
                focus="""Intake. Together twelve years, married for four. Siobhán made contact
                    after a close friend died in the spring; since then she has been asking
                    herself what she wants from the years ahead.""",
                shift="""Siobhán describes the shift as being in herself more than in the
                    marriage: a restlessness, a wish for change she cannot yet name. Beatriz
                    has noticed Siobhán being elsewhere in conversations and feels shut out.
                    Both say the marriage has been a good one.""",
                intention="""Each to notice when they feel close and when they feel apart this
                    week. Said that sensing a shift is not the same as making a decision.""",
                safety="""Individual screening completed. No concerns.""",
            ),
        ),
        SessionSpec(
            0,
            (1, 2),
            {1: 1, 2: 2},
            _s(
                focus="""Siobhán began to put the restlessness into words; Beatriz listened,
                    anxious at first and then more settled.""",
                naming="""Siobhán said she has been living on autopilot and that grief has
                    made that unbearable. She is not sure how much is about the marriage and
                    how much about her own life. Beatriz said hearing not sure frightens her,
                    and that she wants to understand rather than fix it.""",
            ),
            signed=False,
        ),
    ),
    readings=readings.ALVES_KELLEHER,
)

CASES: tuple[CaseSpec, ...] = (
    MARCHETTI_OKAFOR,
    RAMAN_ALBRECHT,
    WHITAKER_WISNIEWSKI,
    EZE_HALE,
    PAPADAKI,
    REYES_NAKAMURA,
    OSEI_LEFEVRE,
    ALVES_KELLEHER,
)
