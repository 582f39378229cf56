"""The words of the demo insights and their projects. Written for this project; projects and people are invented."""

# (slug, name, kind, start year, end year or None, summary)
PROJECTS = [
    (
        "safer-discharge-lab",
        "Safer Discharge Lab",
        "lab",
        2022,
        2024,
        "Eighteen teams from hospitals, social care and the voluntary sector worked together for two years on one "
        "question: what makes the first week at home after a hospital stay go well, and what makes it go wrong?",
    ),
    (
        "waiting-well",
        "Waiting Well",
        "insight",
        2023,
        None,
        "An insight project listening to people on waiting lists and the staff who support them, to find out what "
        "helps people stay as well as they can while they wait for planned care.",
    ),
    (
        "member-small-grants",
        "Member Small Grants",
        "funded",
        2021,
        2023,
        "Grants of up to £5,000 for members to test an idea in their own service. Each team wrote up what they tried, "
        "what happened and what they would do differently.",
    ),
    (
        "peer-support-evaluation",
        "Peer Support for Staff: an Evaluation",
        "evaluation",
        2022,
        2023,
        "An independent look at peer support schemes for health and care staff in six organisations across the four "
        "nations: who uses them, what they cost to run and what difference they make.",
    ),
]

# Documents: (label, language, kind). kind "full" is the whole write-up, "summary" a short version,
# "members" a working paper in the members-only collection.
# (title, output type, project slug, region slug or None, topics, author slugs, contributing organisations,
#  days before today, intro, key findings, body paragraphs, documents)
INSIGHTS = [
    (
        "What happens in the first week at home",
        "report",
        "safer-discharge-lab",
        None,
        ["Patient safety", "Co-production"],
        ["hannah-kirby", "sofia-costa"],
        ["Riverside Community Health", "Carers Together Network"],
        12,
        "The Lab's final report: what eighteen teams learned about the days after a hospital stay, and the five "
        "changes that made the most difference.",
        [
            "Most problems in the first week came from information that existed but did not travel with the person.",
            "A phone call from someone who knew the person, within two days of discharge, prevented more "
            "readmissions than any other single change.",
            "Carers were rarely asked what they could and could not do before the discharge date was set.",
            "Teams that agreed one shared measure early made faster progress than teams that collected many.",
        ],
        [
            "The Lab brought together ward nurses, discharge coordinators, social workers, pharmacists, carers and "
            "people who had recently come home from hospital. Each team chose a small part of the discharge journey "
            "to test changes on, and met the others every six weeks to compare notes.",
            "This report pulls together what they found. It is written for teams who want to start similar work, "
            "and for the leaders who fund and support them.",
        ],
        [("Full report", "en", "full"), ("Summary in Welsh (Crynodeb)", "cy", "summary")],
    ),
    (
        "The two-day phone call",
        "case-study",
        "safer-discharge-lab",
        "north-west",
        ["Patient safety", "Primary care"],
        ["tom-whitaker"],
        ["Mersey Bank Hospitals"],
        40,
        "One team rang every patient two days after they went home. The calls were short, but they found a problem "
        "in one call out of every four.",
        [
            "One call in four found a problem the team could fix the same day, most often about medicines.",
            "Calls took a median of six minutes, and fewer than one in ten needed a second call.",
            "Patients valued being rung by someone who had met them on the ward.",
        ],
        [
            "The ward started with a simple script and a list of the patients discharged two days earlier. Nurses "
            "took turns to make the calls during the quieter hour after lunch.",
            "Within a month the script had changed three times, as the calls showed which questions mattered. The "
            "final version has four questions and space to write anything else the person wants to say.",
        ],
        [("Case study", "en", "full")],
    ),
    (
        "A discharge checklist written with carers",
        "toolkit",
        "safer-discharge-lab",
        "wales",
        ["Co-production", "Lived experience"],
        ["gareth-llewellyn", "abena-mensah"],
        ["Carers Together Network"],
        75,
        "A one-page checklist for the conversation before someone goes home, written with carers and tested on "
        "four wards in Wales.",
        [
            "Carers asked for the conversation two days before discharge, not on the day.",
            "The checklist works best as a prompt for a conversation, not a form to fill in.",
        ],
        [
            "The checklist covers medicines, equipment, who to ring and what to look out for. It leaves space for "
            "what the carer can and cannot do, which staff told us they often forget to ask.",
            "Download it, change it to fit your service, and tell us what you changed.",
        ],
        [("Checklist", "en", "full"), ("Checklist in Welsh (Rhestr wirio)", "cy", "summary")],
    ),
    (
        "Lab update: halfway through",
        "project-update",
        "safer-discharge-lab",
        None,
        ["Quality improvement methods"],
        ["hannah-kirby"],
        [],
        410,
        "A year in, the Lab teams share early results, the measures they settled on, and the ideas they dropped.",
        [
            "Eleven of the eighteen teams changed the question they started with.",
            "Ideas were dropped faster when teams met people who had recently been discharged.",
        ],
        [
            "Halfway through the Lab we asked every team three questions: what have you tried, what have you "
            "learned, and what are you going to stop doing. This update summarises their answers.",
        ],
        [("Update", "en", "full"), ("Working notes from the teams", "en", "members")],
    ),
    (
        "Waiting for surgery: what people told us",
        "report",
        "waiting-well",
        None,
        ["Lived experience", "Health inequalities"],
        ["kwame-boateng", "abena-mensah"],
        ["Midlands Population Health Unit"],
        20,
        "We listened to 64 people waiting for planned operations. Their accounts show that waiting is not the same "
        "for everyone, and that small things make it easier.",
        [
            "Not knowing how long the wait would be was harder for people than the wait itself.",
            "People in lower-paid and insecure work were more likely to lose income while they waited.",
            "A named contact on the waiting list team was the change people asked for most often.",
            "Few people had been told what to do if their condition got worse while they waited.",
        ],
        [
            "We spoke to people in person, by phone and through community groups, in English and in five other "
            "languages. Each conversation was led by someone who had waited for treatment themselves.",
            "The report describes what people told us in their own words, then sets out what services could do.",
        ],
        [("Full report", "en", "full"), ("Easy read summary", "en", "summary")],
    ),
    (
        "A waiting list that rings you back",
        "case-study",
        "waiting-well",
        "scotland",
        ["Primary care", "Digital change"],
        ["morag-fraser"],
        ["Highland Care Partnership"],
        55,
        "A clinic in the Highlands replaced letters with a call-back service for people on its waiting list, and "
        "measured what changed.",
        [
            "Calls to the clinic asking 'where am I on the list?' fell by more than half.",
            "Staff time moved from answering queries to checking in on people most at risk.",
        ],
        [
            "Every eight weeks, each person on the list gets a call or a text, whichever they chose, with their "
            "expected wait and a number to ring if things change.",
            "The team tracked queries, missed appointments and staff time for six months before and after.",
        ],
        [("Case study", "en", "full")],
    ),
    (
        "Waiting Well: a film",
        "video",
        "waiting-well",
        None,
        ["Lived experience"],
        ["hannah-kirby"],
        [],
        95,
        "Four people talk about waiting for treatment: what it did to their work, their families and their health, "
        "and what helped.",
        [],
        [
            "The film was made with the people who appear in it. Each of them saw and agreed the final edit. A full "
            "transcript is below the video.",
        ],
        [("Transcript", "en", "full")],
    ),
    (
        "Questions to ask while you wait",
        "toolkit",
        "waiting-well",
        "northern-ireland",
        ["Lived experience", "Co-production"],
        ["ciaran-oneill", "abena-mensah"],
        ["Lagan Valley Medical Practice"],
        130,
        "A short guide for people on a waiting list, and for the staff who support them, written with patients.",
        [
            "People wanted questions they could ask, not information they would be given.",
        ],
        [
            "The guide lists the questions people on waiting lists told us they wished they had asked sooner, with "
            "space to write down the answers.",
        ],
        [("Guide for patients", "en", "full"), ("Guide for staff", "en", "summary")],
    ),
    (
        "Singing for breath: a small grant write-up",
        "case-study",
        "member-small-grants",
        "south-west",
        ["Mental health", "Lived experience"],
        ["sofia-costa"],
        ["Harbourside Mental Health Trust", "Bay Community Choir"],
        160,
        "A weekly singing group for people recovering from lung illness. What we tried, who came, and what we would "
        "change.",
        [
            "Most people who came once came back at least four more times.",
            "The biggest barrier was transport, not interest.",
            "Measuring breathlessness before and after each session was too much; a simple monthly check worked.",
        ],
        [
            "We started with a room, a choir leader and a list of people our respiratory team had seen. We ended with "
            "a group that now runs itself.",
        ],
        [("Project write-up", "en", "full")],
    ),
    (
        "Pharmacist-led reviews in care homes",
        "report",
        "member-small-grants",
        "north-east-and-yorkshire",
        ["Patient safety", "Primary care"],
        ["ravi-chauhan"],
        ["Northfield Primary Care Network"],
        210,
        "A pharmacist visited twelve care homes to review residents' medicines with staff and families. The write-up "
        "looks at what changed and why some homes took it up faster.",
        [
            "Homes with a named lead for medicines made changes faster.",
            "Families were glad to be asked and often knew things the records did not.",
            "The reviews took longer than planned in the first month and less afterwards.",
        ],
        [
            "Each review brought together the pharmacist, a senior carer and, where the resident wanted, a family "
            "member. Together they went through every medicine and asked whether it was still helping.",
        ],
        [("Full write-up", "en", "full"), ("Data tables", "en", "summary")],
    ),
    (
        "Digital appointment reminders in two languages",
        "project-update",
        "member-small-grants",
        "wales",
        ["Digital change", "Health inequalities"],
        ["gareth-llewellyn", "daniel-okafor"],
        ["Cwm Taf Valleys Health Board"],
        260,
        "An update from a grant-funded test of text reminders sent in English and Welsh, at the reader's choice.",
        [
            "About one in five people chose reminders in Welsh when offered.",
            "Missed appointments fell in both languages.",
        ],
        [
            "The team asked everyone which language they wanted reminders in, rather than guessing from the records.",
        ],
        [("Update", "en", "full"), ("Update in Welsh (Diweddariad)", "cy", "summary")],
    ),
    (
        "Rota redesign with the people on the rota",
        "case-study",
        "member-small-grants",
        "london",
        ["Workforce wellbeing", "Co-production"],
        ["priya-raman"],
        ["Riverside Community Health"],
        330,
        "A community nursing team redesigned its rota together. Sickness absence fell, and nobody had to give up "
        "the shifts they most wanted.",
        [
            "Starting from what each person needed, not from the shifts to fill, changed the conversation.",
            "Sickness absence fell over the following six months.",
        ],
        [
            "The team met three times over a month, with cover arranged so everyone could come. The rota they built "
            "is not perfect, but everyone understands why it is the way it is.",
        ],
        [("Case study", "en", "full")],
    ),
    (
        "Does peer support help staff? Final evaluation",
        "evaluation",
        "peer-support-evaluation",
        None,
        ["Workforce wellbeing", "Measurement for improvement"],
        ["eleanor-price", "morag-fraser"],
        ["Downland Hospitals", "Highland Care Partnership", "Harbourside Mental Health Trust"],
        30,
        "The final report of our evaluation of staff peer support in six organisations, with what it costs, who it "
        "reaches and what difference it makes.",
        [
            "Staff who used peer support were more likely to say they could talk about a hard shift at work.",
            "The schemes reached nurses and healthcare assistants more than doctors or porters.",
            "Running a scheme cost far less than covering one long-term sickness absence.",
            "The schemes that lasted had protected time for their peer supporters.",
        ],
        [
            "We surveyed staff twice, a year apart, interviewed peer supporters and the staff they supported, and "
            "gathered what each scheme cost to run.",
            "This report sets out the findings for each question we were asked, and where the evidence is weaker.",
        ],
        [("Full evaluation report", "en", "full"), ("Summary", "en", "summary"), ("Survey data", "en", "members")],
    ),
    (
        "Evaluation method: how we measured peer support",
        "evaluation",
        "peer-support-evaluation",
        None,
        ["Measurement for improvement", "Quality improvement methods"],
        ["morag-fraser"],
        [],
        180,
        "How the evaluation was designed: the questions, the survey, the interviews and the limits of what we could "
        "find out.",
        [
            "A survey a year apart could show change but not prove what caused it.",
        ],
        [
            "We publish our method so other teams can repeat it, improve it and compare their results with ours.",
        ],
        [("Method paper", "en", "full")],
    ),
    (
        "Peer supporters in their own words",
        "video",
        "peer-support-evaluation",
        "midlands",
        ["Workforce wellbeing"],
        ["eleanor-price"],
        ["Downland Hospitals"],
        240,
        "Three peer supporters talk about why they volunteered, what a conversation looks like, and how they look "
        "after themselves.",
        [],
        [
            "Filmed on a quiet afternoon in a staff room, with the people who appear in it choosing what to say.",
        ],
        [("Transcript", "en", "full")],
    ),
    (
        "Interim findings on staff peer support",
        "project-update",
        "peer-support-evaluation",
        "scotland",
        ["Workforce wellbeing"],
        ["hannah-kirby", "eleanor-price"],
        [],
        400,
        "Six months in: who the schemes are reaching, and the early questions the evaluation is looking at.",
        [
            "Uptake was highest where managers talked about the scheme in team meetings.",
        ],
        [
            "This short update shares early numbers so the organisations taking part can act on them before the "
            "final report.",
        ],
        [("Interim update", "en", "full")],
    ),
]

# Made-up video addresses in the form the video block accepts; the ids are placeholders.
VIDEOS = {
    "Waiting Well: a film": "https://www.youtube.com/watch?v=Qsite000001",
    "Peer supporters in their own words": "https://vimeo.com/100000001",
}

# Short Welsh summaries for the documents marked "cy".
WELSH_SUMMARIES = {
    "What happens in the first week at home": [
        "Mae'r adroddiad hwn yn rhannu beth ddysgodd deunaw tîm am yr wythnos gyntaf adref ar ôl aros yn yr ysbyty.",
        "Y newid mwyaf defnyddiol oedd galwad ffôn o fewn deuddydd gan rywun oedd yn adnabod y person.",
    ],
    "A discharge checklist written with carers": [
        "Rhestr wirio un dudalen ar gyfer y sgwrs cyn i rywun fynd adref o'r ysbyty.",
        "Cafodd ei hysgrifennu gyda gofalwyr a'i phrofi ar bedair ward yng Nghymru.",
    ],
    "Digital appointment reminders in two languages": [
        "Fe wnaethon ni ofyn i bawb ym mha iaith yr hoffen nhw gael negeseuon atgoffa.",
        "Dewisodd tua un o bob pump y Gymraeg, ac roedd llai o apwyntiadau wedi eu colli yn y ddwy iaith.",
    ],
}

WELSH_HEADING = "Crynodeb"
MEMBERS_PAPER_NOTE = (
    "This working paper is shared with members only. It contains early notes that have not been checked for "
    "publication and must not be quoted outside the community."
)
