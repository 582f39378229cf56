"""The words of the demo blog posts and member stories. Written for this project; people are invented."""

# (title, intro, topics, region slug or None, author slugs, paragraphs)
POSTS = [
    (
        "What a year of huddles taught our ward",
        "Ten minutes at the start of every shift turned out to be about much more than handover.",
        ["Patient safety", "Workforce wellbeing"],
        "london",
        ["priya-raman"],
        [
            "We started safety huddles because an incident review told us to. We kept them because staff asked us "
            "not to stop. The format is simple: who is at risk of falling today, what equipment is missing, and "
            "who needs help before lunchtime.",
            "The surprise was how often the huddle surfaced problems nobody owned. A broken hoist had been "
            "reported four times, to four different people. Once it was said out loud in front of the whole "
            "team, it was fixed within a day.",
        ],
    ),
    (
        "Run charts for people who hate maths",
        "You do not need statistics training to tell a real change from a good week. You need a pencil and patience.",
        ["Measurement for improvement"],
        "scotland",
        ["morag-fraser"],
        [
            "Most of the teams I work with have data. What they lack is confidence to look at it over time rather "
            "than as a single number on a dashboard. A run chart is just your measure plotted week by week, with "
            "a line through the middle.",
            "Three rules do most of the work: six points in a row above or below the middle line, five points "
            "going the same way, and too few or too many crossings. When one of those happens, something has "
            "probably changed. Then go and find out what.",
        ],
    ),
    (
        "Redesigning GP access without breaking the team",
        "Our practice moved to a single front door for requests. Here is what went wrong first.",
        ["Primary care", "Workforce wellbeing"],
        "northern-ireland",
        ["ciaran-oneill"],
        [
            "When we opened online requests for every kind of appointment, demand did not rise as much as we "
            "feared. What changed was its shape: Monday mornings stopped being a wall, but Tuesday afternoons "
            "filled up with requests that needed a clinician to read them.",
            "We learned to protect time for triage the way we protect clinics. Two GPs now share the morning "
            "triage list, and reception staff have a clear script for the requests they can close themselves.",
        ],
    ),
    (
        "Being the patient in the room",
        "I have sat on eleven improvement projects as a patient partner. The good ones had three things in common.",
        ["Lived experience", "Co-production"],
        "midlands",
        ["abena-mensah"],
        [
            "The best projects asked me in before they had decided what the problem was. The worst handed me a "
            "finished plan and asked whether I liked the colours on the leaflet.",
            "Good projects also paid me for my time without making me chase it, and told me afterwards what had "
            "happened to the ideas I had shared. It sounds small. It is the difference between taking part and "
            "being used.",
        ],
    ),
    (
        "Safer discharge from mental health wards",
        "The week after leaving hospital is one of the riskiest times. We tested a simple follow-up promise.",
        ["Mental health", "Patient safety"],
        "south-west",
        ["sofia-costa"],
        [
            "Our promise was that everyone leaving the ward would get a call within 72 hours from someone they "
            "had met. Not a stranger reading a script, but a nurse who had looked after them.",
            "After six months the proportion of people contacted in time had gone from about half to nearly all. "
            "What made it work was a shared list on the ward whiteboard, not a new IT system.",
        ],
    ),
    (
        "Digital tools staff actually use",
        "We retired three apps last year. The one we kept was the one nurses designed with us.",
        ["Digital change"],
        "east-of-england",
        ["daniel-okafor"],
        [
            "Every failed tool we looked at had been chosen by people who would never use it on a night shift. "
            "So we flipped the process: nurses wrote the problem statement and tested paper mock-ups before any "
            "code was written.",
            "The result does less than its predecessors, and that is why it works. It answers one question, "
            "which patients are due observations in the next hour, and answers it on the ward's own screens.",
        ],
    ),
    (
        "Medicines reviews in care homes: why some stick",
        "Two care homes got the same review process. One still uses it a year later.",
        ["Primary care", "Patient safety"],
        "north-east-and-yorkshire",
        ["ravi-chauhan"],
        [
            "In the home where reviews stuck, the manager blocked out the same afternoon every month and a senior "
            "carer joined every review. In the other, reviews were fitted around everything else.",
            "We now start every new home with a conversation about protected time, before we talk about "
            "medicines at all. It has slowed our start in some places and made everything after it faster.",
        ],
    ),
    (
        "Improvement and inequality: asking who is missing",
        "If your measure improves on average, check who it improved for.",
        ["Health inequalities", "Measurement for improvement"],
        "midlands",
        ["kwame-boateng", "morag-fraser"],
        [
            "We reviewed ten local projects that reported success. In seven, the improvement was smaller, or "
            "absent, for people living in the most deprived areas. None of the projects had looked.",
            "Splitting data by deprivation, ethnicity or language is not hard once it is planned from the start. "
            "It does change which ideas look promising, and that is the point.",
        ],
    ),
    (
        "Mentoring new members: notes from ten years",
        "What I wish someone had told me when I first tried to change something at work.",
        ["Workforce wellbeing", "Quality improvement methods"],
        "south-east",
        ["eleanor-price"],
        [
            "Most first projects are too big. I ask new members to pick something they could test by Friday. "
            "Not because small changes are enough, but because finishing one teaches you how to start the next.",
            "The other advice is to find your people early. Improvement can be lonely inside an organisation; "
            "it is much less lonely when you know ten others elsewhere trying the same thing.",
        ],
    ),
    (
        "How we choose what the community funds",
        "An open look at how members' project ideas are reviewed, and by whom.",
        ["Co-production"],
        None,
        ["hannah-kirby"],
        [
            "Every proposal is read by two members and one member of staff. Reviewers score against four "
            "questions that were written with members, and meet to agree a shortlist rather than adding up numbers.",
            "We publish the questions, the number of proposals and the shortlist each round. We do not publish "
            "individual scores, because reviewers told us that would make them less candid.",
        ],
    ),
    (
        "Welcome events are changing",
        "New members asked for smaller groups and more time to talk. Here is what we are trying.",
        ["Co-production"],
        None,
        ["tom-whitaker"],
        [
            "Until this year, welcome events were a single online session of up to eighty people. Feedback was "
            "polite and lukewarm: useful information, not much connection.",
            "From next month, new members will join groups of eight, hosted by an existing member from their "
            "region, meeting twice. We will report back on whether it helps people stay involved.",
        ],
    ),
    (
        "Falls at night: a small test that worked",
        "Moving one night-time observation round by thirty minutes reduced falls on our stroke ward.",
        ["Patient safety", "Quality improvement methods"],
        "wales",
        ["gareth-llewellyn"],
        [
            "Our data showed most falls happened between 4am and 6am, when patients woke needing the toilet and "
            "staff were completing the last observations of the night. We moved that round earlier.",
            "Staff then offered every patient the toilet at around 4am. Over twelve weeks, falls in that window "
            "dropped noticeably, and the team wants to try the same idea on two more wards.",
        ],
    ),
    (
        "Statistical process control without the jargon",
        "Control limits sound intimidating. They are a way of saying how much wobble is normal.",
        ["Measurement for improvement", "Quality improvement methods"],
        "scotland",
        ["morag-fraser"],
        [
            "Every process varies. Waiting times, falls, calls answered: none of them is the same two weeks "
            "running. A control chart works out how much of that variation is just the usual noise.",
            "Points outside the limits are worth investigating. Points inside them are usually not, however "
            "tempting it is to explain last Tuesday. That alone saves teams a lot of wasted meetings.",
        ],
    ),
    (
        "Designing a crisis line with people who have called one",
        "We rebuilt our out-of-hours phone line around what callers told us mattered.",
        ["Mental health", "Lived experience", "Co-production"],
        "south-west",
        ["sofia-costa", "abena-mensah"],
        [
            "Callers told us the worst part was repeating their story to several people. The second worst was "
            "not knowing how long they would wait.",
            "We now give an honest wait estimate, and the first person to answer writes a short summary that "
            "follows the caller. Nobody has to start from the beginning twice.",
        ],
    ),
    (
        "What we learned from a failed pilot",
        "Our discharge app was withdrawn after three months. Sharing why might save someone else the trouble.",
        ["Digital change", "Quality improvement methods"],
        "east-of-england",
        ["daniel-okafor"],
        [
            "The pilot measured downloads, and downloads were high. What it did not measure was whether anyone "
            "opened the app a second time. Almost nobody did.",
            "Next time we will define one measure of real use before launch and agree in advance what result "
            "would make us stop. Stopping early is cheaper than stopping late.",
        ],
    ),
    (
        "Supporting staff after a serious incident",
        "How our team moved from blame to learning, and what it cost.",
        ["Workforce wellbeing", "Patient safety"],
        "south-east",
        ["eleanor-price"],
        [
            "After a serious incident, staff involved often feel isolated at exactly the moment the organisation "
            "needs their account. We introduced a named supporter for each person, separate from the investigation.",
            "It took time to find and train supporters, and investigations did not get shorter. They did get more "
            "honest, and fewer staff left in the year after an incident.",
        ],
    ),
    (
        "Pharmacy and GP teams: sharing the work fairly",
        "When a pharmacist joined our practice, the first question was whose job each task really was.",
        ["Primary care"],
        "north-east-and-yorkshire",
        ["ravi-chauhan", "ciaran-oneill"],
        [
            "We listed every medicines task the practice did in a month and sorted each into three piles: "
            "only a GP, only a pharmacist, or either. The either pile was much bigger than anyone expected.",
            "Moving that pile was slow because it meant changing habits, not rotas. Six months on, GPs spend "
            "noticeably less time on repeat prescriptions.",
        ],
    ),
    (
        "Community health in Wales: lessons from the valleys",
        "Three teams, three valleys, one shared question about keeping people well at home.",
        ["Health inequalities", "Primary care"],
        "wales",
        ["gareth-llewellyn"],
        [
            "Each team started with the same data about emergency admissions, and each chose a different first "
            "test: home visits after discharge, a weekly frailty clinic, and a phone line for carers.",
            "Meeting monthly to compare notes mattered more than any single idea. The carers' line, which seemed "
            "least likely to work, has been adopted by the other two teams.",
        ],
    ),
    (
        "A beginner's guide to Plan, Do, Study, Act",
        "The cycle is simple to draw and easy to do badly. Here is how to keep it honest.",
        ["Quality improvement methods"],
        None,
        ["priya-raman"],
        [
            "The most common mistake is skipping the prediction. Before you test a change, write down what you "
            "expect to happen. Without it, any result feels like success.",
            "The second is making cycles too long. A good first cycle takes days, not months, and involves a "
            "handful of patients or a single shift. Learn quickly, then widen the test.",
        ],
    ),
    (
        "Why we publish what did not work",
        "The community's insight reports now include a section on things that failed. Members asked for it.",
        ["Co-production", "Quality improvement methods"],
        None,
        ["hannah-kirby"],
        [
            "Reports that only describe success teach people to hide failure. Worse, they send others down paths "
            "that have already been tried and abandoned.",
            "Writers are sometimes nervous about the new section. We work with them on wording, and so far no one "
            "has regretted it. Readers tell us it is the most useful part.",
        ],
    ),
    (
        "Shared decision-making in outpatient clinics",
        "Giving patients the question list before the appointment changed what happened in the room.",
        ["Lived experience", "Co-production"],
        "london",
        ["priya-raman", "abena-mensah"],
        [
            "We sent patients three questions a week before their clinic: what matters most to you, what worries "
            "you, and what would you like to leave knowing. Most brought written answers.",
            "Clinicians worried appointments would run over. On average they did not, because conversations "
            "started from what the patient wanted to discuss.",
        ],
    ),
    (
        "Improving flow in a busy emergency department",
        "Small changes to how beds are requested freed up hours every day.",
        ["Patient safety", "Measurement for improvement"],
        "north-west",
        ["tom-whitaker", "eleanor-price"],
        [
            "Bed requests from the emergency department went through three phone calls and a spreadsheet. Each "
            "step added minutes that nobody could see.",
            "We replaced them with a single request that every ward could see at once. Time from decision to "
            "admit to leaving the department fell, and so did the number of calls nurses had to make.",
        ],
    ),
    (
        "Health inequalities data: where to start",
        "You probably already hold the data you need. Here is how to look at it differently.",
        ["Health inequalities", "Measurement for improvement"],
        "midlands",
        ["kwame-boateng"],
        [
            "Postcode alone lets you link most records to a deprivation measure. Start by splitting one measure "
            "you already report, and share the chart with people who live in the areas it describes.",
            "Expect the conversation to be uncomfortable. It is also where the most useful ideas tend to come from.",
        ],
    ),
    (
        "Scaling up: when a good idea meets a new place",
        "Our falls project worked on one ward. Spreading it to ten taught us it was never just one idea.",
        ["Quality improvement methods"],
        "wales",
        ["gareth-llewellyn", "priya-raman"],
        [
            "On paper the change was simple. In practice it depended on a ward sister who walked the floor at 4am "
            "and a physiotherapist who trained night staff. Neither was written in the plan.",
            "For the next wards we described the conditions that made it work, not just the steps. Each ward then "
            "chose how to create those conditions in its own way.",
        ],
    ),
    (
        "Digital inclusion for older patients",
        "Online booking helped most patients. We nearly missed the ones it did not.",
        ["Digital change", "Health inequalities"],
        "east-of-england",
        ["daniel-okafor", "kwame-boateng"],
        [
            "After online booking launched, average waits for a call-back fell. People over eighty were waiting "
            "longer than before, because the phone line had fewer staff.",
            "We now keep a named phone slot each morning for people who cannot use the website, and we report "
            "waits by age group every month.",
        ],
    ),
]

CLOSING_SECTIONS = [
    (
        "What we would do differently",
        "Start measuring sooner, involve the people affected earlier, and write down "
        "our predictions before each test. None of these is new advice; all of them are easy to skip.",
    ),
    (
        "What happens next",
        "We will share an update in six months. If you are working on something similar, we "
        "would like to hear from you: comment below or find us in the member directory.",
    ),
    (
        "Questions we are still asking",
        "How much of this depended on the particular people involved? What would "
        "it take to keep going if they moved on? We do not know yet, and we would welcome other views.",
    ),
]

# (title, member: (name, slug, job title, organisation, region slug), quote, drawn to, want to learn, topics)
STORIES = [
    (
        "From the pharmacy counter to improvement",
        ("Leah Morgan", "leah-morgan", "Community pharmacist", "Morgan's Pharmacy", "wales"),
        "I see the same problems every week at the counter. I want to help fix them upstream.",
        "Patients bring me the problems that fall between services: a prescription nobody renewed, a letter that "
        "never arrived. I joined to meet the people who can change those gaps.",
        "How to run a small test properly, and how to get a busy practice interested in one.",
        ["Primary care"],
    ),
    (
        "A porter's view of patient flow",
        ("Marcus Bell", "marcus-bell", "Senior porter", "Westmoor General Hospital", "north-west"),
        "I walk every corridor of this hospital every day. I know where the time goes.",
        "A colleague showed me a project on delays and I realised half of them were things porters see first. "
        "Nobody had asked us.",
        "How to present what I know so that managers take it seriously.",
        ["Patient safety"],
    ),
    (
        "Improving care with lived experience",
        ("Fatima Hussain", "fatima-hussain", "Carer and volunteer", "Independent", "london"),
        "My mother's care taught me more about the system than any course.",
        "After years of caring for my mother I started volunteering on a hospital patient panel. I wanted to meet "
        "others who believe patients and carers belong in improvement work.",
        "How co-production really works in practice, beyond good intentions.",
        ["Lived experience", "Co-production"],
    ),
    (
        "Data that tells a story",
        ("Iain McLeod", "iain-mcleod", "Information analyst", "Borders Health Partnership", "scotland"),
        "Numbers only matter when someone changes what they do because of them.",
        "I produce reports that I suspect nobody reads. I joined to learn how analysts elsewhere get their work used.",
        "Better ways to show variation, and how to work alongside clinical teams.",
        ["Measurement for improvement"],
    ),
    (
        "A new GP and a lot of questions",
        ("Aisling Byrne", "aisling-byrne", "Salaried GP", "Foyle Health Centre", "northern-ireland"),
        "I became a GP to look after people. Improvement is how I look after more of them.",
        "In my first year as a GP I kept noticing processes that wasted everyone's time. A senior partner suggested "
        "Q as a place to learn how to change them.",
        "How to lead change when I am the most junior person in the room.",
        ["Primary care", "Quality improvement methods"],
    ),
    (
        "Nursing, night shifts and small tests",
        ("Olu Adeyemi", "olu-adeyemi", "Staff nurse", "Downland Hospitals", "south-east"),
        "Night shift is where you see what really happens in a hospital.",
        "Our ward started a huddle project and I was surprised how much difference small changes made. I want to do "
        "more of that, and do it well.",
        "Measurement, mostly. I can feel when something is better; I want to be able to show it.",
        ["Patient safety", "Workforce wellbeing"],
    ),
    (
        "Mental health and the community",
        ("Beth Harrington", "beth-harrington", "Peer support worker", "Harbourside Mental Health Trust", "south-west"),
        "Recovery is something people do together, not something done to them.",
        "As a peer support worker I use my own experience of mental illness in my work. I joined to bring that "
        "perspective into improvement projects from the start.",
        "How to influence decisions in meetings where I am the only person with lived experience.",
        ["Mental health", "Lived experience"],
    ),
    (
        "Digital change from the ground up",
        (
            "Sunil Patel",
            "sunil-patel",
            "Clinical informatics nurse",
            "Eastbrook Integrated Care Board",
            "east-of-england",
        ),
        "Good technology should disappear into the work.",
        "I moved from the wards into digital work and found that the two worlds rarely talk. Q seemed like a place "
        "where they do.",
        "How other organisations involve frontline staff in choosing and designing digital tools.",
        ["Digital change"],
    ),
    (
        "Public health meets improvement",
        (
            "Grace Adebayo",
            "grace-adebayo",
            "Health improvement practitioner",
            "Northfield Council",
            "north-east-and-yorkshire",
        ),
        "Prevention is improvement that happens before anyone becomes a patient.",
        "My work is about keeping people well in their communities. I want to learn from clinical improvement "
        "methods and share what public health can offer in return.",
        "How to measure change in prevention work, where results can take years.",
        ["Health inequalities"],
    ),
    (
        "Managing a service through change",
        ("Jonathan Reeve", "jonathan-reeve", "Service manager", "Midlands Community Services", "midlands"),
        "My job is to make it easier for good people to do good work.",
        "I manage community therapy services that have been reorganised three times in five years. I joined to "
        "learn how to make change that lasts and does not exhaust the team.",
        "How to sustain improvement once the project team has moved on.",
        ["Workforce wellbeing", "Quality improvement methods"],
    ),
]
