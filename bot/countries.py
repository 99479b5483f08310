"""Turn what a person types or taps about where they live into an ISO 3166 alpha-2 country code.

The hotline data is keyed by ISO codes ("GB", not "UK"), while people type "UK", "england",
"the States", "aotearoa" or "DE". ``resolve_country`` accepts all of those; anything it cannot
place, or a deliberate "prefer not to say", gives None, which the hotline lookup answers with
international lines.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.answers import normalise_answer

# ISO 3166-1 alpha-2 codes with their common English names (CLDR's English short names).
_ISO_TABLE = """
AD=Andorra|AE=United Arab Emirates|AF=Afghanistan|AG=Antigua & Barbuda|AI=Anguilla|AL=Albania|
AM=Armenia|AO=Angola|AQ=Antarctica|AR=Argentina|AS=American Samoa|AT=Austria|AU=Australia|
AW=Aruba|AX=Åland Islands|AZ=Azerbaijan|BA=Bosnia & Herzegovina|BB=Barbados|BD=Bangladesh|
BE=Belgium|BF=Burkina Faso|BG=Bulgaria|BH=Bahrain|BI=Burundi|BJ=Benin|BL=St. Barthélemy|
BM=Bermuda|BN=Brunei|BO=Bolivia|BQ=Caribbean Netherlands|BR=Brazil|BS=Bahamas|BT=Bhutan|
BV=Bouvet Island|BW=Botswana|BY=Belarus|BZ=Belize|CA=Canada|CC=Cocos (Keeling) Islands|
CD=Congo - Kinshasa|CF=Central African Republic|CG=Congo - Brazzaville|CH=Switzerland|
CI=Côte d’Ivoire|CK=Cook Islands|CL=Chile|CM=Cameroon|CN=China|CO=Colombia|CR=Costa Rica|
CU=Cuba|CV=Cape Verde|CW=Curaçao|CX=Christmas Island|CY=Cyprus|CZ=Czechia|DE=Germany|
DJ=Djibouti|DK=Denmark|DM=Dominica|DO=Dominican Republic|DZ=Algeria|EC=Ecuador|EE=Estonia|
EG=Egypt|EH=Western Sahara|ER=Eritrea|ES=Spain|ET=Ethiopia|FI=Finland|FJ=Fiji|
FK=Falkland Islands|FM=Micronesia|FO=Faroe Islands|FR=France|GA=Gabon|GB=United Kingdom|
GD=Grenada|GE=Georgia|GF=French Guiana|GG=Guernsey|GH=Ghana|GI=Gibraltar|GL=Greenland|GM=Gambia|
GN=Guinea|GP=Guadeloupe|GQ=Equatorial Guinea|GR=Greece|
GS=South Georgia & South Sandwich Islands|GT=Guatemala|GU=Guam|GW=Guinea-Bissau|GY=Guyana|
HK=Hong Kong SAR China|HM=Heard & McDonald Islands|HN=Honduras|HR=Croatia|HT=Haiti|HU=Hungary|
ID=Indonesia|IE=Ireland|IL=Israel|IM=Isle of Man|IN=India|IO=British Indian Ocean Territory|
IQ=Iraq|IR=Iran|IS=Iceland|IT=Italy|JE=Jersey|JM=Jamaica|JO=Jordan|JP=Japan|KE=Kenya|
KG=Kyrgyzstan|KH=Cambodia|KI=Kiribati|KM=Comoros|KN=St. Kitts & Nevis|KP=North Korea|
KR=South Korea|KW=Kuwait|KY=Cayman Islands|KZ=Kazakhstan|LA=Laos|LB=Lebanon|LC=St. Lucia|
LI=Liechtenstein|LK=Sri Lanka|LR=Liberia|LS=Lesotho|LT=Lithuania|LU=Luxembourg|LV=Latvia|
LY=Libya|MA=Morocco|MC=Monaco|MD=Moldova|ME=Montenegro|MF=St. Martin|MG=Madagascar|
MH=Marshall Islands|MK=North Macedonia|ML=Mali|MM=Myanmar (Burma)|MN=Mongolia|
MO=Macao SAR China|MP=Northern Mariana Islands|MQ=Martinique|MR=Mauritania|MS=Montserrat|
MT=Malta|MU=Mauritius|MV=Maldives|MW=Malawi|MX=Mexico|MY=Malaysia|MZ=Mozambique|NA=Namibia|
NC=New Caledonia|NE=Niger|NF=Norfolk Island|NG=Nigeria|NI=Nicaragua|NL=Netherlands|NO=Norway|
NP=Nepal|NR=Nauru|NU=Niue|NZ=New Zealand|OM=Oman|PA=Panama|PE=Peru|PF=French Polynesia|
PG=Papua New Guinea|PH=Philippines|PK=Pakistan|PL=Poland|PM=St. Pierre & Miquelon|
PN=Pitcairn Islands|PR=Puerto Rico|PS=Palestinian Territories|PT=Portugal|PW=Palau|PY=Paraguay|
QA=Qatar|RE=Réunion|RO=Romania|RS=Serbia|RU=Russia|RW=Rwanda|SA=Saudi Arabia|SB=Solomon Islands|
SC=Seychelles|SD=Sudan|SE=Sweden|SG=Singapore|SH=St. Helena|SI=Slovenia|SJ=Svalbard & Jan Mayen|
SK=Slovakia|SL=Sierra Leone|SM=San Marino|SN=Senegal|SO=Somalia|SR=Suriname|SS=South Sudan|
ST=São Tomé & Príncipe|SV=El Salvador|SX=Sint Maarten|SY=Syria|SZ=Eswatini|
TC=Turks & Caicos Islands|TD=Chad|TF=French Southern Territories|TG=Togo|TH=Thailand|
TJ=Tajikistan|TK=Tokelau|TL=Timor-Leste|TM=Turkmenistan|TN=Tunisia|TO=Tonga|TR=Türkiye|
TT=Trinidad & Tobago|TV=Tuvalu|TW=Taiwan|TZ=Tanzania|UA=Ukraine|UG=Uganda|
UM=U.S. Outlying Islands|US=United States|UY=Uruguay|UZ=Uzbekistan|VA=Vatican City|
VC=St. Vincent & Grenadines|VE=Venezuela|VG=British Virgin Islands|VI=U.S. Virgin Islands|
VN=Vietnam|VU=Vanuatu|WF=Wallis & Futuna|WS=Samoa|YE=Yemen|YT=Mayotte|ZA=South Africa|ZM=Zambia|
ZW=Zimbabwe
"""

# Other names people use: nations within a state, local names, abbreviations and nicknames.
_ALIASES: dict[str, str] = {
    "uk": "GB",
    "u.k.": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "cymru": "GB",
    "northern ireland": "GB",
    "the uk": "GB",
    "gb": "GB",
    "united kingdom of great britain and northern ireland": "GB",
    "blighty": "GB",
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "us": "US",
    "america": "US",
    "the us": "US",
    "the usa": "US",
    "the states": "US",
    "states": "US",
    "united states of america": "US",
    "eire": "IE",
    "éire": "IE",
    "republic of ireland": "IE",
    "roi": "IE",
    "nz": "NZ",
    "aotearoa": "NZ",
    "new zealand": "NZ",
    "aotearoa new zealand": "NZ",
    "oz": "AU",
    "aus": "AU",
    "straya": "AU",
    "deutschland": "DE",
    "allemagne": "DE",
    "españa": "ES",
    "espana": "ES",
    "italia": "IT",
    "nederland": "NL",
    "holland": "NL",
    "the netherlands": "NL",
    "belgique": "BE",
    "belgië": "BE",
    "österreich": "AT",
    "osterreich": "AT",
    "schweiz": "CH",
    "suisse": "CH",
    "svizzera": "CH",
    "sverige": "SE",
    "norge": "NO",
    "danmark": "DK",
    "suomi": "FI",
    "polska": "PL",
    "brasil": "BR",
    "méxico": "MX",
    "bharat": "IN",
    "nippon": "JP",
    "nihon": "JP",
    "türkiye": "TR",
    "turkey": "TR",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "burma": "MM",
    "myanmar": "MM",
    "south korea": "KR",
    "korea": "KR",
    "republic of korea": "KR",
    "north korea": "KP",
    "russia": "RU",
    "russian federation": "RU",
    "uae": "AE",
    "emirates": "AE",
    "vietnam": "VN",
    "viet nam": "VN",
    "swaziland": "SZ",
    "macedonia": "MK",
    "cape verde": "CV",
    "cabo verde": "CV",
    "east timor": "TL",
    "vatican": "VA",
    "holy see": "VA",
    "palestine": "PS",
    "hong kong": "HK",
    "macau": "MO",
    "macao": "MO",
    "congo": "CG",
    "drc": "CD",
    "dr congo": "CD",
    "democratic republic of the congo": "CD",
    "bosnia": "BA",
    "bosnia and herzegovina": "BA",
    "trinidad": "TT",
    "trinidad and tobago": "TT",
    "antigua and barbuda": "AG",
    "st kitts and nevis": "KN",
    "saint kitts and nevis": "KN",
    "st lucia": "LC",
    "saint lucia": "LC",
    "st vincent": "VC",
    "saint vincent and the grenadines": "VC",
    "sao tome and principe": "ST",
    "turks and caicos": "TC",
    "micronesia": "FM",
    "laos": "LA",
}

# Answers meaning "I'd rather not say" or "none of those".
_NO_ANSWER = frozenset(
    {
        "other",
        "somewhere else",
        "elsewhere",
        "prefer not to say",
        "rather not say",
        "i'd rather not say",
        "not saying",
        "skip",
        "none",
        "n/a",
        "don't know",
        "dont know",
        "not sure",
        "unknown",
        "international",
        "another country",
        "a different country",
        "none of these",
        "none of the above",
        "abroad",
    }
)


@lru_cache(maxsize=1)
def _names_by_code() -> dict[str, str]:
    pairs = (
        entry.split("=", 1) for line in _ISO_TABLE.strip().splitlines() for entry in line.split("|") if entry
    )
    return {code: name for code, name in pairs}


def _key(text: str) -> str:
    """Lower-case, accents kept, "&" read as "and", punctuation and extra spaces dropped."""
    text = normalise_answer(text).replace("&", "and")
    text = re.sub(r"^(i live in|i'm in|i am in|im in|in|from|i'm from|i am from)\s+", "", text)
    text = re.sub(r"[!?.,;:()]+$", "", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, name in _names_by_code().items():
        table[code.lower()] = code
        table[_key(name)] = code
        table[_key(name.replace("St. ", "Saint "))] = code
        table[_key(name.replace("St. ", "St "))] = code
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        table[_key(plain)] = code
    for alias, code in _ALIASES.items():
        table[_key(alias)] = code
    return table


def resolve_country(text: str) -> str | None:
    """The ISO 3166 alpha-2 code for a country as typed ("UK", "england", "Deutschland", "nz"), else None.

    "Other", "somewhere else", "prefer not to say" and anything unrecognised give None.
    """
    if not text:
        return None
    key = _key(text)
    if not key or key in _NO_ANSWER:
        return None
    code = _lookup().get(key)
    if code is None and key.startswith("the "):
        code = _lookup().get(key[4:])
    return code


def country_name(code: str) -> str:
    """The English name of an ISO alpha-2 code ("GB" -> "United Kingdom").

    Raises KeyError for a code that is not in the table.
    """
    return _names_by_code()[code.upper()]


# A BCP 47 language tag with a region: "en-GB", "pt_BR", "zh-Hant-TW"; the region is what counts.
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:[-_][a-z]{4})?[-_]([a-z]{2})(?:[-_][a-z0-9-]*)?$", re.IGNORECASE)


def country_from_language_tag(tag: str | None) -> str | None:
    """The country a browser's or Telegram's language tag names ("en-GB" -> "GB"), or None.

    Only a region subtag counts: "en" or "de" alone is spoken in many countries. Only a hint,
    used before a person has said where they are.
    """
    match = _LANGUAGE_TAG.match((tag or "").strip()[:35])
    code = match.group(1).upper() if match else None
    return code if code in _names_by_code() else None


def language_tag_in(metadata: object) -> str | None:
    """The language tag a channel sent with a message's metadata ({"language": "en-GB"}), if any."""
    language = metadata.get("language") if isinstance(metadata, dict) else None
    return language[:35] if isinstance(language, str) else None


# The country slot's value for "somewhere else": the person gets the international lines.
NO_COUNTRY = "other"


def country_or_none(country: str | None) -> str | None:
    """The person's country code, or None when they have not said or said "somewhere else"."""
    return None if country == NO_COUNTRY else country
