"""The algorithm-register text of every method the reports use, in the fields of the
Dutch algorithm register (algoritmeregister.overheid.nl): what it is for, how it works,
which data, its limits, and where a person decides. The report's method annex prints
these, and their hash is part of the report's rule hash: a changed method is a new rule
version."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

#: raise when any text below changes in meaning
VERSION = "2026.12"


@dataclass(frozen=True)
class Method:
    key: str
    name: str
    purpose: str
    working: str
    data: str
    limits: str
    oversight: str
    sources: str


METHODS: tuple[Method, ...] = (
    Method(
        "voortgang",
        "Voortgangsrapportage per regio",
        "Laten zien hoe de indicatoren van de monitor zich in een regio ontwikkelen, naast "
        "het landelijk cijfer, en wat er met Weerbaar is gedaan.",
        "Per indicator het nieuwste jaar tot en met het rapportjaar. De regio en Nederland "
        "worden uit aantallen berekend (tellers en noemers opgeteld), nooit door cijfers van "
        "gemeenten te middelen; de Leefbaarometer wordt gewogen met het aantal woningen. "
        "De verandering is het verschil met het oudste jaar in de vijf jaar ervoor.",
        "Open data van CBS, politie en de Leefbaarometer zoals geladen (met de hash van elk "
        "bestand), de programmalijsten, en tellingen uit Weerbaar zelf.",
        "Een verandering in de regio zegt niets over de oorzaak. Geregistreerde criminaliteit "
        "hangt ook af van opsporing en meldingsbereidheid. Gemeentelijke herindelingen "
        "breken reeksen; zulke jaren zijn als 'niet vergelijkbaar' gemarkeerd.",
        "Een analist stelt de rapportage samen en publiceert haar; een gepubliceerde versie "
        "verandert niet meer. Nieuwe gegevens geven een nieuwe versie.",
        "CBS StatLine; Politie open data; Leefbaarometer (BZK).",
    ),
    Method(
        "afscherming",
        "Afscherming van kleine aantallen",
        "Voorkomen dat een telling uit Weerbaar (signalen, zaken, controles, Bibob-aanvragen, "
        "bezoeken van de camperbus, maatregelen, convenanten) naar een persoon, bedrijf of "
        "adres te herleiden is.",
        "Een aantal van 1 tot en met het minimum min 1 wordt niet getoond. Is in een rij maar "
        "één aantal afgeschermd, dan wordt ook het kleinste andere aantal boven nul "
        "afgeschermd, zodat het niet uit het totaal terug te rekenen is. Een totaal onder het "
        "minimum wordt ook afgeschermd. Nul wordt getoond.",
        "Alleen aantallen per gemeente en jaar; geen gegevens over personen of dossiers.",
        "Afscherming per rij beschermt niet tegen vergelijken van opeenvolgende versies van "
        "dezelfde rapportage; publiceer daarom één versie per jaar.",
        "Het minimum staat in de instelling WEERBAAR_REPORT_MIN_COUNT en in elke rapportage.",
        "CBS, Statistische beveiliging (richtlijn celbeveiliging).",
    ),
    Method(
        "anker",
        "Programmagebieden tegen Nederland",
        "De vergelijking tonen die voortgangsrapportages van programma's zelf maken.",
        "De programmagebieden samen (uit aantallen waar dat kan) en alle gebieden van "
        "Nederland per jaar, alleen gebieden met waarden in alle jaren.",
        "Monitorindicatoren per gemeente of wijk; de deelnemers en startjaren van het "
        "programma uit de open programmalijsten.",
        "De gebieden zijn gekozen omdat hun cijfers slecht waren. Zulke cijfers worden vaak "
        "vanzelf beter (regressie naar het gemiddelde). Deze vergelijking kan een effect dus "
        "niet aantonen.",
        "Alleen ter vergelijking met de manier van rapporteren van het programma zelf.",
        "Nationaal Programma Leefbaarheid en Veiligheid, voortgangsrapportage november 2025.",
    ),
    Method(
        "matching",
        "Gematchte vergelijking",
        "Programmagebieden vergelijken met gebieden die er vóór de start op leken.",
        "Voor elk programmagebied de drie gebieden zonder programma met de kleinste afstand "
        "op inwonertal, bevolkingsdichtheid, en niveau en trend van de indicator vóór de "
        "start (gestandaardiseerd; een gebied mag vaker gekozen worden). Daarna het verschil "
        "per jaar, vóór en na de start.",
        "Monitorindicatoren, inwonertal en bevolkingsdichtheid (CBS).",
        "Gebieden kunnen verschillen op kenmerken die hier niet meetellen. De keuze van drie "
        "vergelijkingsgebieden is een vaste afspraak, geen optimum.",
        "De gekozen vergelijkingsgebieden staan op de pagina, zodat een analist ze kan beoordelen.",
        "SCP, Wijkaanpak in de krachtwijken (2013).",
    ),
    Method(
        "did",
        "Verschil-in-verschillen met gespreide startjaren",
        "Schatten hoeveel een indicator na de start van een programma anders liep dan bij "
        "vergelijkbare gebieden, ook als gebieden in verschillende jaren begonnen.",
        "De methode van Callaway en Sant'Anna (2021): per startjaar en jaar een effect "
        "ATT(g,t), met als vergelijking gebieden die nooit meededen, of gebieden die (nog) "
        "niet meededen; de twee staan naast elkaar. De effecten worden samengevat per jaar "
        "sinds de start (event study) en tot één gemiddeld effect, met een "
        "betrouwbaarheidsinterval van 95%. Gebieden die al in het eerste jaar meededen, "
        "hebben geen jaar vooraf en vallen weg (ze worden genoemd). Uitgevoerd met het "
        "Python-pakket 'differences'; de testen controleren de uitkomst tegen het "
        "gepubliceerde voorbeeld (mpdta) en tegen een gesimuleerd panel met een bekend "
        "effect.",
        "Monitorindicatoren per jaar; deelnemers en startjaren van het programma.",
        "Alleen geldig als beide groepen zonder programma gelijk zouden zijn opgelopen; zie "
        "de toets op de jaren vooraf. Registratie-effecten en kleine aantallen blijven.",
        "Een analist kiest het programma, de indicator en of gebieden met een onzekere "
        "afbakening meetellen.",
        "Callaway & Sant'Anna, Journal of Econometrics 225 (2021) 200-230.",
    ),
    Method(
        "pretrend",
        "Toets op gelijke trends vooraf",
        "Nagaan of de programmagebieden en de vergelijking vóór de start gelijk opliepen.",
        "Een chi-kwadraattoets dat alle effecten in de jaren vóór de start nul zijn, met de "
        "schattingen als onafhankelijk behandeld (een benadering). Een kleine p-waarde "
        "betekent: de groepen liepen vooraf al uiteen, de schatting is dan niet betrouwbaar.",
        "De event-studyschattingen vóór de start.",
        "Een grote p-waarde bewijst geen gelijke trends; de toets heeft weinig kracht bij "
        "weinig jaren.",
        "De uitkomst staat naast elke schatting.",
        "Roth, American Economic Review: Insights 4 (2022).",
    ),
    Method(
        "verplaatsing",
        "Verplaatsingstoets (waterbedeffect)",
        "Nagaan of een probleem naar de buurgebieden is verschoven.",
        "Per programmagebied de ring van aangrenzende gebieden (afgeleid uit de grenzen) en "
        "als controle alle andere gebieden, met aantallen het jaar vóór de start en in het "
        "nieuwste jaar. De gewogen verplaatsingsquotiënt (WDQ, Bowers & Johnson 2003) en de "
        "toets van Wheeler & Ratcliffe (2018) met p-waarde; de controle wordt geschaald naar "
        "de grootte van het gebied. Een cel met nul of een ontbrekend aantal wordt gemeld en "
        "niet berekend.",
        "Aantallen uit de monitor; grenzen van gemeenten en wijken (CBS/Kadaster).",
        "Verplaatsing kan ook verder weg of naar een andere vorm van criminaliteit gaan; dat "
        "meet deze toets niet.",
        "De uitkomst per gebied staat met de aantallen op de pagina.",
        "Bowers & Johnson (2003); Wheeler & Ratcliffe, Crime Science 7 (2018).",
    ),
    Method(
        "inzet",
        "Samenhang met handhavingsinzet",
        "Laten zien of geregistreerde criminaliteit samen opgaat met de inzet van handhaving, "
        "zonder een oorzaak te claimen.",
        "Per gemeente en jaar de inzet (bijvoorbeeld controles of fte, ingevoerd of "
        "geïmporteerd door een analist, of de bezochte adressen op controledagen in "
        "Weerbaar) naast de indicator. De rangcorrelatie van Spearman over alle gemeente-"
        "jaren, en een panelregressie met vaste effecten voor gemeente en jaar en "
        "standaardfouten geclusterd per gemeente.",
        "Een inzetreeks per gemeente en jaar; geregistreerde criminaliteit uit de monitor.",
        "Meer controles vinden meer: inzet verhoogt de geregistreerde criminaliteit zelf. En "
        "inzet volgt de problemen: waar meer criminaliteit is, wordt meer gecontroleerd. Een "
        "samenhang is daarom nooit een effect van de inzet.",
        "Een analist beheert de inzetreeksen en vermeldt hun bron.",
        "WODC/Beke, Verklaring daling geregistreerde jeugdcriminaliteit (2019).",
    ),
)

BY_KEY = {m.key: m for m in METHODS}


def methods_hash() -> str:
    """Changes with any method text or the version: part of a report's rule hash."""
    payload = json.dumps([VERSION, [asdict(m) for m in METHODS]], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()
