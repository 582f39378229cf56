"""Welsh translations of the demo's main pages, written in Welsh for this project.

Each is a real, linked translation (same translation key, made with Wagtail's copy_for_translation),
so the language switcher, hreflang links and shared comment threads work as they will for editors.
Editors translate further pages with wagtail-localize's "Translate" action in the admin.
"""

from django.db import transaction
from wagtail.models import Locale, Page

from qsite.models import Region

from .build import bullets, call_to_action, heading, paragraph, stream

# The Welsh names of the regions setup_site creates, by slug. Slugs stay the same in both languages,
# so a filter link (?region=wales) means the same thing on either side of the language switcher.
REGION_NAMES_CY = {
    "england": "Lloegr",
    "scotland": "Yr Alban",
    "wales": "Cymru",
    "northern-ireland": "Gogledd Iwerddon",
    "north-east-and-yorkshire": "Gogledd-ddwyrain a Swydd Efrog",
    "north-west": "Gogledd-orllewin Lloegr",
    "midlands": "Canolbarth Lloegr",
    "east-of-england": "Dwyrain Lloegr",
    "london": "Llundain",
    "south-east": "De-ddwyrain Lloegr",
    "south-west": "De-orllewin Lloegr",
}

# Keyed by the English page's path below the home page; parents come before their children.
WELSH_PAGES = {
    "": {
        "title": "Hafan",
        "hero_heading": "Gwella iechyd a gofal, gyda'n gilydd",
        "intro": (
            "Mae Q yn cysylltu miloedd o bobl ledled y DU sy'n gweithio i wneud iechyd a gofal yn well. Rydym yn "
            "rhannu'r hyn sy'n gweithio, yn dysgu o'r hyn nad yw'n gweithio, ac yn helpu syniadau da i deithio."
        ),
        "hero_link_label": "Dysgu am Q",
        "body": stream(
            call_to_action(
                "Yn gweithio i wella iechyd neu ofal?",
                "Mae aelodaeth am ddim i unrhyw un yn y DU sy'n gwneud gwaith gwella, am dâl neu'n ddi-dâl.",
                "Sut i ymuno",
                url="/cy/about/",
            ),
        ),
    },
    "blog/": {
        "title": "Blog",
        "intro": "Mae aelodau a staff yn ysgrifennu am yr hyn maen nhw'n ei drio, yr hyn maen nhw'n ei ddysgu "
        "a'r hyn aeth o chwith.",
    },
    "new-member-stories/": {
        "title": "Straeon aelodau newydd",
        "intro": "Pobl a ymunodd yn ddiweddar yn dweud pam y daethon nhw a beth maen nhw'n gobeithio ei ddysgu.",
    },
    "events/": {
        "title": "Digwyddiadau",
        "intro": "Cyfarfodydd, ymweliadau a gweminarau lle mae aelodau'n dysgu o waith ei gilydd.",
    },
    "insights/": {
        "title": "Mewnwelediadau",
        "intro": "Adroddiadau, astudiaethau achos a phecynnau cymorth o brosiectau'r gymuned.",
    },
    "about/": {
        "title": "Am Q",
        "intro": "Cymuned ledled y DU o bobl sy'n gwella iechyd a gofal, gan ddysgu gyda'i gilydd yn agored.",
        "body": stream(
            heading("Pwy ydym ni"),
            paragraph(
                "Mae Q yn gymuned o filoedd o bobl yng Nghymru, Lloegr, yr Alban a Gogledd Iwerddon sy'n rhannu "
                "un nod: gwneud iechyd a gofal yn well i'r bobl sy'n eu defnyddio a'r bobl sy'n gweithio ynddynt.",
                "Mae'r aelodau'n nyrsys a meddygon, rheolwyr gwasanaethau, dadansoddwyr data, gofalwyr, pobl "
                "sydd â phrofiad byw o wasanaethau, ymchwilwyr a llawer mwy.",
            ),
            heading("Beth rydym yn ei wneud"),
            bullets(
                "Cysylltu pobl sy'n gweithio ar broblemau tebyg mewn lleoedd gwahanol.",
                "Cynnal digwyddiadau, o ymweliadau bach â safleoedd i gynulliadau ledled y DU.",
                "Ariannu a chefnogi prosiectau dan arweiniad aelodau, a rhannu'r hyn a ddysgwn.",
            ),
        ),
    },
    "comments-policy/": {
        "title": "Polisi sylwadau",
        "intro": "Sut rydym yn cymedroli sylwadau, a beth sy'n digwydd i'r manylion a roddwch i ni.",
        "body": stream(
            paragraph(
                "Sylwadau yw'r lle mae darllenwyr yn ymateb i awduron ac i'w gilydd. Rydym am iddynt fod yn "
                "ddefnyddiol, yn garedig ac yn ddiogel, felly mae cymedrolwr yn darllen pob sylw cyn iddo ymddangos."
            ),
            heading("Ni fyddwn yn cyhoeddi sylwadau sydd"),
            bullets(
                "yn enwi cleifion, defnyddwyr gwasanaeth neu gydweithwyr sydd heb gytuno i gael eu henwi;",
                "yn sarhaus, yn wahaniaethol neu'n fygythiol;",
                "yn hysbysebu cynhyrchion neu wasanaethau.",
            ),
            heading("Eich manylion"),
            paragraph(
                "Os ydych yn rhoi sylw fel gwestai, rydym yn gofyn am eich enw a'ch cyfeiriad e-bost. Dim ond "
                "cymedrolwyr sy'n gweld eich cyfeiriad e-bost; nid yw byth yn cael ei ddangos ar y wefan."
            ),
        ),
    },
    "blog/what-a-year-of-huddles-taught-our-ward/": {
        "title": "Beth ddysgodd blwyddyn o gyfarfodydd byr i'n ward ni",
        "intro": "Roedd deg munud ar ddechrau pob shifft yn ymwneud â llawer mwy na throsglwyddo gofal.",
        "body": stream(
            paragraph(
                "Dechreuon ni'r cyfarfodydd diogelwch byr am fod adolygiad o ddigwyddiad wedi dweud wrthym am "
                "wneud hynny. Daliom ati am fod y staff wedi gofyn i ni beidio â stopio.",
                "Y syndod oedd pa mor aml y daeth problemau i'r golwg nad oedd neb yn berchen arnynt. Unwaith i "
                "declyn codi toredig gael ei enwi o flaen y tîm cyfan, cafodd ei drwsio o fewn diwrnod.",
            )
        ),
    },
    "blog/run-charts-for-people-who-hate-maths/": {
        "title": "Siartiau rhediad i bobl sy'n casáu mathemateg",
        "intro": "Does dim angen hyfforddiant ystadegau i weld y gwahaniaeth rhwng newid go iawn ac wythnos dda.",
        "body": stream(
            paragraph(
                "Mae gan y rhan fwyaf o'r timau rwy'n gweithio gyda nhw ddata. Yr hyn sydd ar goll yw'r hyder i "
                "edrych arno dros amser yn hytrach nag fel un rhif ar ddangosfwrdd.",
                "Mae tair rheol yn gwneud y rhan fwyaf o'r gwaith: chwe phwynt yn olynol uwchben neu o dan y "
                "llinell ganol, pum pwynt yn mynd i'r un cyfeiriad, a gormod neu rhy ychydig o groesiadau.",
            )
        ),
    },
    "blog/redesigning-gp-access-without-breaking-the-team/": {
        "title": "Ailgynllunio mynediad at feddyg teulu heb dorri'r tîm",
        "intro": "Symudodd ein meddygfa at un drws ffrynt ar gyfer ceisiadau. Dyma beth aeth o chwith gyntaf.",
        "body": stream(
            paragraph(
                "Pan agoron ni geisiadau ar-lein ar gyfer pob math o apwyntiad, ni chododd y galw gymaint ag yr "
                "oeddem yn ei ofni. Yr hyn a newidiodd oedd ei siâp.",
                "Dysgon ni i warchod amser ar gyfer brysbennu fel rydym yn gwarchod clinigau. Mae dau feddyg teulu "
                "bellach yn rhannu rhestr frysbennu'r bore.",
            )
        ),
    },
    "events/welcome-event-for-new-members-december/": {
        "title": "Digwyddiad croeso i aelodau newydd: Rhagfyr",
        "intro": "Cwrdd â phobl eraill a ymunodd yn ddiweddar, clywed sut mae'r gymuned yn gweithio a dod o hyd "
        "i'ch ffordd gyntaf i mewn.",
        "capacity_note": "Hyd at 60 o leoedd",
        "body": stream(
            paragraph(
                "Rydym yn dechrau gyda deg munud ar bwrpas y gymuned, yna'n treulio'r rhan fwyaf o'r sesiwn mewn "
                "grwpiau bach o bump neu chwech, fel bod pawb yn cael siarad.",
                "Dewch ag un peth rydych yn gweithio arno. Byddwch yn gadael gydag enwau o leiaf tri aelod sy'n "
                "gweithio ar rywbeth tebyg.",
            )
        ),
    },
    "events/site-visit-a-same-day-emergency-care-unit-in-cardiff/": {
        "title": "Ymweliad safle: uned gofal brys yr un diwrnod yng Nghaerdydd",
        "intro": "Gweld sut y gwnaeth un tîm leihau amseroedd aros drwy ailgynllunio awr gyntaf ymweliad claf.",
        "capacity_note": "15 o leoedd, gan fod yr uned yn brysur",
        "body": stream(
            paragraph(
                "Mae arweinydd nyrsio'r uned yn ein tywys drwy'r newidiadau yn y drefn y cawsant eu gwneud, gan "
                "gynnwys dau na weithiodd.",
                "Ar ôl y daith mae awr ar gyfer cwestiynau gyda'r tîm, i ffwrdd o'r ardal glinigol.",
            )
        ),
    },
    "events/webinar-measuring-what-matters-to-people-with-long-term-conditions/": {
        "title": "Gweminar: mesur yr hyn sy'n bwysig i bobl â chyflyrau hirdymor",
        "intro": "Partneriaid cleifion a dadansoddwyr yn trafod dewis mesurau y mae pobl sy'n byw gyda chyflwr yn "
        "eu hadnabod.",
        "capacity_note": "Agored i bawb; dim terfyn",
        "body": stream(
            paragraph(
                "Tair sgwrs fer: partner claf ar y canlyniadau mae hi'n eu holrhain ei hun, dadansoddwr ar droi'r "
                "rheini'n fesurau, a thîm a newidiodd ei ddangosfwrdd o ganlyniad.",
                "Mae hanner yr awr ar gyfer cwestiynau, y gallwch eu hanfon ymlaen llaw neu eu gofyn ar y diwrnod.",
            )
        ),
    },
}


@transaction.atomic
def build_welsh(home):
    """Welsh versions of the pages in WELSH_PAGES that exist and have none yet. Returns how many it made."""
    welsh = Locale.objects.filter(language_code="cy").first()
    if welsh is None:
        return 0
    _translate_regions(home.locale, welsh)
    created = 0
    for path, fields in WELSH_PAGES.items():
        page = Page.objects.filter(locale=home.locale, url_path=home.url_path + path).first()
        if page is None or page.has_translation(welsh):
            continue
        page = page.specific
        # The parent is translated first (WELSH_PAGES is in tree order), so this only copies the page.
        translation = page.copy_for_translation(welsh)
        for name, value in fields.items():
            setattr(translation, name, value)
        region = getattr(page, "region", None)
        if isinstance(region, Region):
            translation.region = region.get_translation_or_none(welsh) or region
        translation.save_revision().publish()
        created += 1
    _point_home_button_at_welsh_page(home, welsh)
    return created


def _translate_regions(source_locale, welsh):
    """A linked Welsh translation of every region that has none (the filters on Welsh pages list these)."""
    for region in Region.objects.filter(locale=source_locale):
        if not region.has_translation(welsh):
            translation = region.copy_for_translation(welsh)
            translation.name = REGION_NAMES_CY.get(region.slug, region.name)
            translation.save()


def _point_home_button_at_welsh_page(home, welsh):
    """The Welsh home page's button was copied pointing at the English About page."""
    welsh_home = home.get_translation_or_none(welsh)
    if welsh_home is None:
        return
    welsh_home = welsh_home.specific
    target = welsh_home.hero_link.get_translation_or_none(welsh) if welsh_home.hero_link_id else None
    if target is not None and welsh_home.hero_link_id != target.pk:
        welsh_home.hero_link = target
        welsh_home.save_revision().publish()
