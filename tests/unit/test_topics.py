"""The trafficking-in-persons finder on sentences from the Council's own resolutions."""

import pytest

from resolutions.parsing.topics import EXPRESSIONS, find_trafficking

# Verbatim extracts (clean text) of the resolutions named.
ABOUT_PEOPLE = [
    # S/RES/2388 (2017), op1
    "Reaffirms its condemnation in the strongest terms of all instances of trafficking in "
    "persons, especially women and children,",
    # S/RES/2331 (2016), pp14
    "Noting with concern the criminal misuse of information and communications technologies, "
    "particularly the Internet, to facilitate the trafficking of persons,",
    # S/RES/2380 (2017)
    "Condemns all acts of migrant smuggling and human trafficking into, through and from the "
    "Libyan territory",
    # S/RES/2434 (2018)
    "emphasizing the decision to sanction six human traffickers and migrant smugglers in Libya",
    # S/RES/2388 (2017), op14
    "including refugees and stateless persons, who are victims of trafficking or at risk of "
    "being trafficked;",
    # S/RES/2388 (2017), op23
    "information on victims of trafficking from areas affected by conflict or victims trafficked "
    "into conflict areas",
    # S/RES/2388 (2017), op25 (the XML writes a non-breaking hyphen)
    "include, where relevant, anti\u2011trafficking research and expertise;",
    # S/RES/2195 (2014), pp7
    "including from the trafficking of arms, persons, drugs, and artefacts and from the illicit "
    "trade in natural resources",
    # S/RES/2395 (2017)
    "including illicit trafficking in drugs, arms, and persons, as well as money-laundering",
    # S/RES/1379 (2001), op13
    "the cross-border recruitment and abduction of children, the sale of or traffic in children, "
    "attacks on camps",
    # S/RES/1927 (2010)
    "the risk of a resurgence in gang violence, organized crime and trafficking of children;",
    # S/RES/2331 (2016), op11
    "Condemns all acts of trafficking, particularly the sale or trade in persons",
    # S/RES/1539 (2004)
    "attacks against schools and hospitals as well as trafficking, forced labour and all forms "
    "of slavery",
    # S/RES/2312 (2016)
    "in particular to prevent human smuggling and trafficking,",
    # S/RES/2698 (2023), op2
    "the immediate needs of migrants and refugees at the core of their efforts to prevent and "
    "counter smuggling and trafficking;",
    # S/RES/2238 (2015), op9
    "the situation in Libya is exacerbated by the smuggling of migrants and trafficking in "
    "persons from and through Libyan territory",
]

NOT_ABOUT_PEOPLE = [
    # S/RES/1314 (2000), op8
    "the linkages between the illicit trafficking in small arms and light weapons and armed "
    "conflict, which can prolong armed conflict",
    # S/RES/2262 (2016)
    "Expressing concern that illicit trafficking, trade, exploitation and smuggling of natural "
    "resources including gold, diamonds",
    # S/RES/1735 (2006), op12
    "using proceeds derived from illicit cultivation, production, and trafficking of narcotic "
    "drugs originating in Afghanistan, and their precursors;",
    # S/RES/2322 (2016), op12
    "preventing and combating all forms and aspects of trafficking in cultural property and "
    "related offences",
    # S/RES/2482 (2019), op5
    "Notes with concern that drug traffickers continue to exploit tools of modern commerce to "
    "traffic in precursors,",
    # S/RES/2220 (2015)
    "underscoring that such illicit trafficking could harm civilians, including women and "
    "children, create instability",
    # S/RES/2616 (2021)
    "the disproportionate impact of the flows of illicitly trafficked weapons on women and "
    "children",
    # S/RES/2347 (2017), op12
    "the return, restitution or repatriation of trafficked, illicitly exported or imported, "
    "stolen, looted, illicitly excavated or illicitly traded cultural property",
    # S/RES/1817 (2008), op10: UNODC's initiative against drug precursors
    "the Targeted Anti-Trafficking Regional Communication, Expertise and Training (TARCET) "
    "initiative, targeting precursors used in the manufacture of heroin in Afghanistan",
    # S/RES/2121 (2013), pp15
    "noting that poaching and trafficking of wildlife are among the factors that fuel the crisis "
    "in the CAR,",
    # S/RES/1625 (2005), annex
    "take action against illegal exploitation and trafficking of natural resources and "
    "high-value commodities",
]


@pytest.mark.parametrize("sentence", ABOUT_PEOPLE)
def test_sentences_about_trafficking_in_persons(sentence):
    assert find_trafficking(sentence) is True


@pytest.mark.parametrize("sentence", NOT_ABOUT_PEOPLE)
def test_sentences_about_trafficking_in_things(sentence):
    assert find_trafficking(sentence) is False


@pytest.mark.parametrize(
    "example",
    [example for expression in EXPRESSIONS for example in expression.examples],
)
def test_every_documented_example_is_found(example):
    assert find_trafficking(example) is True


def test_case_and_line_breaks_do_not_matter():
    assert find_trafficking("TRAFFICKING IN\nPERSONS") is True
