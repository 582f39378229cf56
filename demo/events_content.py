"""The words of the demo events. All names, places and organisations are invented for this project.

Each event's date is `day` days from today (negative: in the past), so the demo
always has past, ongoing and future events whenever it is loaded.
"""

VENUES = {
    "leeds": (
        "Aire Street Learning Centre",
        "14 Aire Street\nLeeds\nLS1 4PR",
        "north-east-and-yorkshire",
        "<ul><li>Step-free entrance from Aire Street; lift to every floor.</li>"
        "<li>Hearing loop in the main room; accessible toilets on each floor.</li>"
        "<li>A quiet room is kept free all day.</li></ul>",
    ),
    "cardiff": (
        "Bay Health Innovation Hub",
        "Unit 3, Harbour Walk\nCardiff\nCF10 5BZ",
        "wales",
        "<p>Level access throughout, two accessible toilets and a hearing loop. Blue-badge parking is beside "
        "the entrance; please tell us if you need a space.</p>",
    ),
    "glasgow": (
        "Merchant Row Conference Rooms",
        "2 Merchant Row\nGlasgow\nG1 1LX",
        "scotland",
        "<p>Step-free from the street with a lift to the second floor. Ten minutes' walk from Glasgow Central; "
        "the nearest accessible parking is on Ingram Street.</p>",
    ),
    "belfast": (
        "Lagan Quay Community Hall",
        "9 Lagan Quay\nBelfast\nBT1 3LG",
        "northern-ireland",
        "<p>Ground-floor hall with level access and an accessible toilet. Seating can be arranged for wheelchair "
        "users and assistance dogs are welcome.</p>",
    ),
    "birmingham": (
        "Canal Basin Health Centre, Seminar Room 2",
        "40 Canal Basin\nBirmingham\nB1 2JT",
        "midlands",
        "<ul><li>Level access and lifts; the seminar room is on the first floor.</li>"
        "<li>Portable hearing loop available on request.</li></ul>",
    ),
    "london": (
        "Riverside Community Health, Training Suite",
        "Riverside House, 120 Embankment Road\nLondon\nSE1 7XX",
        "london",
        "<p>Step-free access from Embankment Road, lift to the training suite, accessible toilet on the same floor. "
        "The building is ten minutes from the nearest step-free Underground station.</p>",
    ),
    "manchester": (
        "Northern Quarter Collaboration Space",
        "27 Tib Lane\nManchester\nM1 1JE",
        "north-west",
        "<p>Ground-floor room with level access. Captions are shown on screen for every talk, and a quiet "
        "space is next door.</p>",
    ),
    "norwich": (
        "Eastbrook ICB Offices, Room 4",
        "Wensum House, Riverside\nNorwich\nNR1 1QW",
        "east-of-england",
        "<p>Level access and a lift. A hearing loop is fitted; please tell the organiser about any other needs.</p>",
    ),
    "brighton": (
        "Downland Hospitals Education Centre",
        "Downs Road\nBrighton\nBN2 3EW",
        "south-east",
        "<p>Step-free route from the main hospital entrance, signed in yellow. Accessible parking in car park B.</p>",
    ),
    "bristol": (
        "Harbourside Wellbeing Centre",
        "5 Quay Walk\nBristol\nBS1 4RQ",
        "south-west",
        "<p>Level access, accessible toilets and a changing places facility on site. A quiet room is available.</p>",
    ),
}

ONLINE_ACCESS = (
    "<p>Live captions are switched on for every session, slides are sent in advance on request and the "
    "recording is shared afterwards with a transcript.</p>"
)

# Each event: title, type, format, day offset, start "HH:MM" (None: all day), length (hours, or days when
# all day), venue key (None: online only), region for online events, organiser (profile slug or partner
# name), topics, capacity note, status, intro, two paragraphs of programme.
EVENTS = [
    {
        "title": "Welcome event for new members: December",
        "type": "welcome",
        "format": "online",
        "day": 9,
        "time": "12:30",
        "hours": 1.5,
        "organiser": "tom-whitaker",
        "topics": ["Co-production"],
        "capacity": "Up to 60 places",
        "intro": "Meet other people who joined recently, hear how the community works and find your first way in.",
        "programme": [
            "We start with ten minutes on what the community is for and what members do, then spend most of the "
            "session in small groups of five or six, so everyone gets to talk.",
            "Bring one thing you are working on. You will leave with the names of at least three members "
            "working on something similar.",
        ],
    },
    {
        "title": "Run charts without fear: a masterclass",
        "type": "masterclass",
        "format": "in_person",
        "day": 14,
        "time": "10:00",
        "hours": 3,
        "venue": "leeds",
        "organiser": "morag-fraser",
        "topics": ["Measurement for improvement"],
        "capacity": "24 places; bring a laptop if you have one",
        "intro": "A hands-on morning turning your own service data into run charts you can explain to a board.",
        "programme": [
            "We work through the four run chart rules with real, messy data, including what to do when a "
            "measure changes definition half way through a year.",
            "In the second half you bring your own data, anonymised, and leave with a chart and a short "
            "explanation you could put in front of colleagues next week.",
        ],
    },
    {
        "title": "Site visit: a same-day emergency care unit in Cardiff",
        "type": "site_visit",
        "format": "in_person",
        "day": 21,
        "time": "13:00",
        "hours": 3.5,
        "venue": "cardiff",
        "organiser": "gareth-llewellyn",
        "topics": ["Patient safety", "Quality improvement methods"],
        "capacity": "15 places, because the unit is busy",
        "intro": "See how one team cut waits for same-day care by redesigning the first hour of a patient's visit.",
        "programme": [
            "The unit's nurse lead walks us through the changes in the order they made them, including two that "
            "did not work and were dropped.",
            "After the walk round there is an hour for questions with the team, away from the clinical area.",
        ],
    },
    {
        "title": "Webinar: measuring what matters to people with long-term conditions",
        "type": "webinar",
        "format": "online",
        "day": 3,
        "time": "16:00",
        "hours": 1,
        "organiser": "abena-mensah",
        "topics": ["Lived experience", "Measurement for improvement"],
        "capacity": "Open to all; no limit",
        "intro": "Patient partners and analysts on choosing measures that people living with a condition recognise.",
        "programme": [
            "Three short talks: a patient partner on the outcomes she tracks herself, an analyst on turning those "
            "into measures, and a team that changed its dashboard as a result.",
            "Half the hour is for questions, which you can send in advance or ask on the day.",
        ],
    },
    {
        "title": "Scotland community gathering",
        "type": "community",
        "format": "hybrid",
        "day": 30,
        "time": "10:00",
        "hours": 6,
        "venue": "glasgow",
        "organiser": "morag-fraser",
        "topics": ["Health inequalities", "Co-production"],
        "capacity": "80 in the room, unlimited online",
        "intro": "A day for members across Scotland to share work in progress, in Glasgow and online.",
        "programme": [
            "The morning is open space: members propose sessions on the day and the timetable is built on the "
            "wall. Online participants have their own room with a facilitator.",
            "After lunch, six members show work in progress for ten minutes each and take questions.",
        ],
    },
    {
        "title": "Co-designing discharge with families: a workshop",
        "type": "community",
        "format": "in_person",
        "day": 45,
        "time": "09:30",
        "hours": 4,
        "venue": "bristol",
        "organiser": "sofia-costa",
        "topics": ["Mental health", "Co-production", "Lived experience"],
        "capacity": "30 places",
        "intro": "Families, staff and people who have been discharged from inpatient care redesign one step together.",
        "programme": [
            "We pick one moment of discharge that families told us goes wrong and map it from three points of "
            "view before anyone proposes a fix.",
            "Participants with lived experience are paid for their time at the community's standard rate.",
        ],
    },
    {
        "title": "Northern Ireland members' evening",
        "type": "community",
        "format": "in_person",
        "day": 60,
        "time": "18:00",
        "hours": 2,
        "venue": "belfast",
        "organiser": "ciaran-oneill",
        "topics": ["Primary care"],
        "capacity": "40 places; food provided",
        "intro": "An informal evening for members in Northern Ireland, with short talks and plenty of time to talk.",
        "programme": [
            "Two members talk for ten minutes each about something they changed this year in primary care.",
            "The rest of the evening is for conversation. Tell us about dietary needs when you book.",
        ],
    },
    {
        "title": "Digital tools staff actually use: a masterclass",
        "type": "masterclass",
        "format": "online",
        "day": 75,
        "time": "14:00",
        "hours": 2,
        "region": "east-of-england",
        "organiser": "daniel-okafor",
        "topics": ["Digital change"],
        "capacity": "50 places",
        "intro": "How to test a digital tool with the people who will use it before anyone signs a contract.",
        "programme": [
            "We cover quick usability tests you can run on a ward in twenty minutes, and how to write up what "
            "you saw so that it changes a decision.",
            "Includes a live test of a real tool with two volunteer nurses.",
        ],
    },
    {
        "title": "UK-wide community festival",
        "type": "community",
        "format": "hybrid",
        "day": 100,
        "time": None,
        "days": 2,
        "venue": "birmingham",
        "organiser": "Midlands Improvement Partnership",
        "organiser_url": "https://example.org/midlands-improvement-partnership",
        "topics": ["Quality improvement methods", "Health inequalities"],
        "capacity": "200 in person; online sessions open to all",
        "intro": "Two days of member-led sessions, visits and conversations, in Birmingham and streamed online.",
        "programme": [
            "Every session is proposed and run by members. The programme is published a month before, and "
            "about a third of sessions are streamed with live captions.",
            "Members can apply for help with travel costs; ask when you book.",
        ],
    },
    {
        "title": "Welcome event for new members: February",
        "type": "welcome",
        "format": "online",
        "day": 80,
        "time": "09:30",
        "hours": 1.5,
        "organiser": "tom-whitaker",
        "topics": ["Co-production"],
        "capacity": "Up to 60 places",
        "intro": "A morning welcome for members who joined over the winter: meet each other and find your way in.",
        "programme": [
            "Short introductions, then small-group conversations about what you are working on.",
            "You will hear about special interest groups, the random coffee pairing scheme and how to write for "
            "the site.",
        ],
    },
    {
        "title": "Care home medicines reviews: what we learned",
        "type": "webinar",
        "format": "online",
        "day": 120,
        "time": "12:00",
        "hours": 1,
        "region": "north-east-and-yorkshire",
        "organiser": "ravi-chauhan",
        "topics": ["Primary care", "Patient safety"],
        "capacity": "Open to all",
        "intro": "A pharmacist-led team shares eighteen months of data on structured medicines reviews in care homes.",
        "programme": [
            "What changed for residents, which homes saw the biggest difference, and why two homes saw none.",
            "The team's review template is shared after the session.",
        ],
    },
    # Today and ongoing: a two-day event that began yesterday, and one later today.
    {
        "title": "Inequalities in access: a two-day sprint",
        "type": "community",
        "format": "hybrid",
        "day": -1,
        "time": "09:30",
        "hours": 32,
        "venue": "birmingham",
        "organiser": "kwame-boateng",
        "topics": ["Health inequalities"],
        "capacity": "Six teams of up to eight people",
        "closed": True,
        "intro": "Teams from six areas spend two days testing changes that make services easier to reach.",
        "programme": [
            "Each team brings one access problem and leaves with a change to test in the following fortnight.",
            "Day two ends with each team showing what they tried and what they will measure.",
        ],
    },
    {
        "title": "Drop-in: ask an analyst",
        "type": "webinar",
        "format": "online",
        "day": 0,
        "time": "17:00",
        "hours": 1,
        "organiser": "morag-fraser",
        "topics": ["Measurement for improvement"],
        "capacity": "Drop in for as long as you like",
        "intro": "Bring a chart, a spreadsheet or a question about data and get help from two analyst members.",
        "programme": [
            "No slides and no agenda: join, say what you are stuck on and we will work on it together.",
            "If you would rather not share your screen, describe the problem and we will sketch it.",
        ],
    },
    # The past.
    {
        "title": "Site visit: a GP practice that redesigned its phone lines",
        "type": "site_visit",
        "format": "in_person",
        "day": -12,
        "time": "14:00",
        "hours": 2.5,
        "venue": "manchester",
        "organiser": "ciaran-oneill",
        "topics": ["Primary care", "Workforce wellbeing"],
        "capacity": "12 places",
        "intro": "How one practice cut the 8am rush by changing when and how patients could ask for help.",
        "programme": [
            "The practice manager explained the three changes they tested and the one they kept.",
            "Staff talked frankly about what the change did to their working day.",
        ],
    },
    {
        "title": "Psychological safety in ward teams: a masterclass",
        "type": "masterclass",
        "format": "in_person",
        "day": -26,
        "time": "10:00",
        "hours": 4,
        "venue": "brighton",
        "organiser": "eleanor-price",
        "topics": ["Workforce wellbeing", "Patient safety"],
        "capacity": "30 places",
        "intro": "What ward leaders can do in a normal week to make it safer for staff to speak up.",
        "programme": [
            "A morning of practical exercises for ward leaders, drawn from four hospitals' experience.",
            "Participants left with a short plan to try on their own ward.",
        ],
    },
    {
        "title": "Welcome event for new members: October",
        "type": "welcome",
        "format": "online",
        "day": -40,
        "time": "12:30",
        "hours": 1.5,
        "organiser": "tom-whitaker",
        "topics": ["Co-production"],
        "capacity": "Up to 60 places",
        "intro": "New members met each other and heard how to get involved.",
        "programme": [
            "Forty-two new members joined from all four nations.",
            "The most common question was how to find others working on the same problem; the answer is the "
            "members directory and the special interest groups.",
        ],
    },
    {
        "title": "Wales members' summer gathering",
        "type": "community",
        "format": "in_person",
        "day": -70,
        "time": None,
        "days": 1,
        "venue": "cardiff",
        "organiser": "gareth-llewellyn",
        "topics": ["Quality improvement methods"],
        "capacity": "60 places",
        "intro": "A day for members in Wales, with sessions in English and Welsh.",
        "programme": [
            "Sessions ran in both languages with interpretation available throughout.",
            "The afternoon finished with a walk round Cardiff Bay for anyone who wanted fresh air.",
        ],
    },
    {
        "title": "Webinar: getting started with co-production",
        "type": "webinar",
        "format": "online",
        "day": -95,
        "time": "15:00",
        "hours": 1,
        "organiser": "abena-mensah",
        "topics": ["Co-production", "Lived experience"],
        "capacity": "Open to all",
        "intro": "An introduction to working with people who use services as equal partners from the first meeting.",
        "programme": [
            "Covered paying people for their time, sharing power over decisions and what to do when it gets hard.",
            "The recording and slides are available to members.",
        ],
    },
    {
        "title": "London data clinic",
        "type": "masterclass",
        "format": "hybrid",
        "day": -130,
        "time": "13:30",
        "hours": 3,
        "venue": "london",
        "organiser": "priya-raman",
        "topics": ["Measurement for improvement"],
        "capacity": "20 in the room, 40 online",
        "intro": "Members brought their own data and worked on it with experienced analysts.",
        "programme": [
            "Most questions were about choosing a baseline and about charts with too few data points.",
            "Several participants have since joined the measurement special interest group.",
        ],
    },
    {
        "title": "Norwich digital change meet-up",
        "type": "community",
        "format": "in_person",
        "day": -170,
        "time": "17:30",
        "hours": 2,
        "venue": "norwich",
        "organiser": "daniel-okafor",
        "topics": ["Digital change"],
        "capacity": "35 places",
        "intro": "Members in the East of England met to swap notes on digital projects, good and bad.",
        "programme": [
            "Four five-minute talks on digital projects, two of which were honest about failing.",
            "The group agreed to meet twice a year.",
        ],
    },
    # Cancelled and postponed.
    {
        "title": "Site visit: a community mental health hub in Bristol",
        "type": "site_visit",
        "format": "in_person",
        "day": 35,
        "time": "10:00",
        "hours": 3,
        "venue": "bristol",
        "organiser": "sofia-costa",
        "topics": ["Mental health"],
        "capacity": "15 places",
        "status": "cancelled",
        "status_note": "The hub is moving building. Everyone who booked has been told; we hope to visit next year.",
        "intro": "A visit to a hub where crisis, housing and benefits advice sit under one roof.",
        "programme": [
            "The hub's team would have shown how referrals between services work on the same day.",
            "We will arrange a new visit once the hub has settled into its new home.",
        ],
    },
    {
        "title": "South East improvement leaders' breakfast",
        "type": "community",
        "format": "in_person",
        "day": 50,
        "time": "08:00",
        "hours": 1.5,
        "venue": "brighton",
        "organiser": "eleanor-price",
        "topics": ["Workforce wellbeing"],
        "capacity": "25 places",
        "status": "postponed",
        "status_note": "Postponed because of winter pressures on the hospitals. A new date will follow in the spring.",
        "intro": "An early start for improvement leaders in the South East to compare notes before the working day.",
        "programme": [
            "A short round of what everyone is working on, then open conversation over breakfast.",
            "Places already booked carry over to the new date.",
        ],
    },
]
