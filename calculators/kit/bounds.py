"""Sanity bounds on calculator inputs. None is a legal quantity: each only refuses input no real case has."""

from __future__ import annotations

# Money, by what the amount is. A bound far above any real figure catches unit slips (元 typed for 万元)
# and absurd values without ever refusing a real application.
MAX_SMALL_YUAN = 10**8  # a meal point's fit-out, a museum project, a meal-service subsidy: far below 1亿
MAX_MUSEUM_FUNDING_YUAN = 10**9  # city funding a private museum received in one year
MAX_YUAN = 10**10  # one project's investment, award or subsidy
MAX_FUNDS_YUAN = 10**11  # city funds, a building's renovation, a company's rent or subsidies in total
MAX_CONTRIBUTION_YUAN = 10**12  # a company's yearly contribution to the district
MAX_CAPITAL_YUAN = 10**13  # paid-in capital or the book value of state assets
MAX_MEAL_YUAN = 10**4  # what one meal at a meal point costs

# Quantities
MAX_TCE = 10**7  # tonnes of standard coal a year: above the whole district's energy use
MAX_KW = 10**6  # installed PV capacity: no rooftop in the district comes near a million kW
MAX_KWH = 10**11  # electricity a year: above the whole district's consumption
MAX_BATTERY_KWH = 10**4  # a forklift's battery
MAX_LOAD_T = 10**3  # a forklift's rated load in tonnes
MAX_AREA_M2 = 10**7  # floor area: above the largest building complex
MAX_ORDERS = 10**8  # meal orders in a month or year: above the district's population times its meals
MAX_COUNT = 10**4  # clients served, ranks among units: far above the district's energy users
MAX_PERSONS = 50  # staff one company puts forward for a talent award in one year
MAX_CO_APPLICANTS = 100  # entities applying jointly for one solution
MAX_AWARDS = 20  # awards one company names for one year
MAX_PROJECTS = 50  # projects one museum puts forward for one year
MAX_VEHICLES = 1000  # machines one company replaces and names in one application
MAX_TRANCHES = 3  # tranches already paid: the space-upgrade plan pays in three

# Time
FIRST_POLICY_YEAR = 2018  # the earliest year a payment or contribution asked about can fall in
LAST_POLICY_YEAR = 2100  # and the latest
FIRST_SCHOOL_EVENT_YEAR = (
    1950  # the earliest year a parent's job, business or home named in an admission case began
)
EARLIEST_FOUNDING_YEAR = 1900  # the earliest year a company asking about a subsidy was registered
MAX_AGE_YEARS = 150  # a person's age
MAX_CHILD_AGE_YEARS = 20  # a child asking about compulsory-school admission is younger than this
MAX_YEARS_IN_USE = 100  # years a meal point has been in use
FIRST_IN_USE_YEAR = 1949  # the earliest year a meal point asked about can have been put into use
MAX_SUBSIDY_YEARS = 30  # the how-manieth year a subsidy is claimed in
MAX_PAYOUT_YEARS = 50  # the how-manieth year of a payout plan
MAX_CONTRACT_YEARS = 50  # length of a labour contract
MAX_SERVED_YEARS = 60  # years served in one company: a working life
MAX_OPERATING_YEARS = 100  # length of an operating right
MAX_CONSECUTIVE_YEARS = 50  # consecutive yearly ratings
DAYS_IN_YEAR = 366  # opening days in one year, leap years included
MAX_MEAL_DAYS = 372  # days of meals asked about at once: a year of 31-day months
MAX_MEAL_PERSONS = 20  # elderly people of one household asked about at once

MAX_PERCENT = 100  # a share given in percent
