"""The four offers of issue 19 to a £450,000 two-year home-care contract, as their suppliers
type them: an over-promising micro charity, a vague business, an infeasible builder and a
café offering what it does anyway (tests/test_checks.py; the whole tender in
tests/test_tender_end_to_end.py)."""

from tests.helpers.scripted import Plan

ORGANISATION = {"org-postcode": "E1 6AN", "org-type": "A charity"}
TINY = Plan(
    ORGANISATION | {"org-name": "Tiny Care Co", "org-size": "9 staff"},
    [
        {
            "theme": "jobs-skills",
            "idea": "We will hire local people as care workers",
            "measure": "local-hires",
            "quantity": "250",
            "timescale": "within 3 months",
            "delivery": "Our manager recruits through the jobcentre in Bow",
            "beneficiaries": "Unemployed residents aged over 25",
            "evidence": "Payroll records with start dates",
            "kind": "extra, for this contract",
        },
        {
            "theme": "communities",
            "idea": "Our staff will volunteer at lunch clubs for older people",
            "measure": "employee-volunteering-hours",
            "quantity": "20000",
            "timescale": "over the whole contract",
            "delivery": "Every carer gives time to the lunch club at the community centre",
            "beneficiaries": "Older people who live alone",
            "evidence": "A volunteering log signed by the lunch club",
            "kind": "extra, for this contract",
        },
        {
            "theme": "communities",
            "idea": "We will give money to local groups",
            "measure": "donations-to-local-groups",
            "quantity": "£200,000",
            "timescale": "over the whole contract",
            "delivery": "Our trustees choose the groups each year",
            "beneficiaries": "Small charities for older people in Tower Hamlets",
            "evidence": "Bank records of each payment",
            "kind": "extra, for this contract",
        },
    ],
)
GENERIC = Plan(
    ORGANISATION
    | {"org-name": "Generic Care Services", "org-type": "A small business", "org-size": "40"},
    [
        {
            "theme": "communities",
            "idea": "We will support the community",
            "measure": "own",
            "unit": "people",
            "quantity": "1",
            "timescale": "over the whole contract",
            "delivery": "Our team",
            "beneficiaries": "the community",
            "evidence": "We will report on this",
            "kind": "extra, for this contract",
        }
    ],
)
BUILDER = Plan(
    ORGANISATION
    | {"org-name": "Hartley Builders", "org-type": "A small business", "org-size": "30"},
    [
        {
            "theme": "jobs-skills",
            "idea": "We will take on apprentices in our trades",
            "measure": "apprenticeship-weeks",
            "quantity": "208",
            "timescale": "first apprentice starts within 3 months",
            "delivery": "Our site manager mentors each apprentice with the local college",
            "beneficiaries": "Young people from Tower Hamlets aged 16 to 24",
            "evidence": "Apprenticeship agreements and payslips",
            "kind": "extra, for this contract",
        }
    ],
)
CAFE = Plan(
    ORGANISATION | {"org-name": "Teapot Community Kitchen", "org-size": "6"},
    [
        {
            "theme": "jobs-skills",
            "idea": "We give work placements in our kitchen",
            "measure": "work-placement-weeks",
            "quantity": "8",
            "timescale": "over the whole contract",
            "delivery": "Our chef supervises each placement",
            "beneficiaries": "Young people with learning disabilities",
            "evidence": "Signed timesheets",
            "kind": "something we do anyway",
        },
        {
            "theme": "communities",
            "idea": "Community groups use our room for free",
            "measure": "free-space-for-groups",
            "quantity": "100",
            "timescale": "over the whole contract",
            "delivery": "Our manager keeps the room diary",
            "beneficiaries": "Local carers' and parents' groups",
            "evidence": "A room booking log",
            "kind": "something we do anyway",
        },
        {
            "theme": "environment",
            "idea": "We recycle our kitchen waste",
            "measure": "waste-recycled",
            "quantity": "80%",
            "timescale": "over the whole contract",
            "delivery": "Our waste contractor collects food waste",
            "beneficiaries": "Residents of the borough",
            "evidence": "Waste transfer notes",
            "kind": "something we do anyway",
        },
        {
            "theme": "local-economy",
            "idea": "We buy our food from local small firms",
            "measure": "local-supplier-spend",
            "quantity": "£5,000",
            "timescale": "over the whole contract",
            "delivery": "Our chef orders from market traders",
            "beneficiaries": "Small food businesses in the borough",
            "evidence": "Invoices",
            "kind": "something we do anyway",
        },
        {
            "theme": "communities",
            "idea": "We will run a weekly lunch club for older people",
            "measure": "health-wellbeing-sessions",
            "quantity": "96",
            "timescale": "over the whole contract",
            "delivery": "Our cook and two volunteers run it every Thursday",
            "beneficiaries": "Older people who live alone",
            "evidence": "Attendance registers",
            "kind": "extra, for this contract",
        },
    ],
)
FOUR = {
    "Tiny Care Co": TINY,
    "Generic Care Services": GENERIC,
    "Hartley Builders": BUILDER,
    "Teapot Community Kitchen": CAFE,
}
