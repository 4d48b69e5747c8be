window.BPO_SEARCH_FOLDING = {"cases": {"\u00b5": "\u03bc", "\u00df": "ss", "\u0149": "'n", "\u017f": "s", "\u01f0": "j\u030c", "\u0345": "\u03b9", "\u0390": "\u03b9\u0308\u0301", "\u03b0": "\u03c5\u0308\u0301", "\u03c2": "\u03c3", "\u03d0": "\u03b2", "\u03d1": "\u03b8", "\u03d5": "\u03c6", "\u03d6": "\u03c0", "\u03f0": "\u03ba", "\u03f1": "\u03c1", "\u03f5": "\u03b5", "\u0587": "\u0565\u0582", "\u13f8": "\u13f0", "\u13f9": "\u13f1", "\u13fa": "\u13f2", "\u13fb": "\u13f3", "\u13fc": "\u13f4", "\u13fd": "\u13f5", "\u1c80": "\u0432", "\u1c81": "\u0434", "\u1c82": "\u043e", "\u1c83": "\u0441", "\u1c84": "\u0442", "\u1c85": "\u0442", "\u1c86": "\u044a", "\u1c87": "\u0463", "\u1c88": "\ua64b", "\u1e96": "h\u0331", "\u1e97": "t\u0308", "\u1e98": "w\u030a", "\u1e99": "y\u030a", "\u1e9a": "a\u02be", "\u1e9b": "\u1e61", "\u1f50": "\u03c5\u0313", "\u1f52": "\u03c5\u0313\u0300", "\u1f54": "\u03c5\u0313\u0301", "\u1f56": "\u03c5\u0313\u0342", "\u1f80": "\u1f00\u03b9", "\u1f81": "\u1f01\u03b9", "\u1f82": "\u1f02\u03b9", "\u1f83": "\u1f03\u03b9", "\u1f84": "\u1f04\u03b9", "\u1f85": "\u1f05\u03b9", "\u1f86": "\u1f06\u03b9", "\u1f87": "\u1f07\u03b9", "\u1f90": "\u1f20\u03b9", "\u1f91": "\u1f21\u03b9", "\u1f92": "\u1f22\u03b9", "\u1f93": "\u1f23\u03b9", "\u1f94": "\u1f24\u03b9", "\u1f95": "\u1f25\u03b9", "\u1f96": "\u1f26\u03b9", "\u1f97": "\u1f27\u03b9", "\u1fa0": "\u1f60\u03b9", "\u1fa1": "\u1f61\u03b9", "\u1fa2": "\u1f62\u03b9", "\u1fa3": "\u1f63\u03b9", "\u1fa4": "\u1f64\u03b9", "\u1fa5": "\u1f65\u03b9", "\u1fa6": "\u1f66\u03b9", "\u1fa7": "\u1f67\u03b9", "\u1fb2": "\u1f70\u03b9", "\u1fb3": "\u03b1\u03b9", "\u1fb4": "\u03ac\u03b9", "\u1fb6": "\u03b1\u0342", "\u1fb7": "\u03b1\u0342\u03b9", "\u1fbe": "\u03b9", "\u1fc2": "\u1f74\u03b9", "\u1fc3": "\u03b7\u03b9", "\u1fc4": "\u03ae\u03b9", "\u1fc6": "\u03b7\u0342", "\u1fc7": "\u03b7\u0342\u03b9", "\u1fd2": "\u03b9\u0308\u0300", "\u1fd3": "\u03b9\u0308\u0301", "\u1fd6": "\u03b9\u0342", "\u1fd7": "\u03b9\u0308\u0342", "\u1fe2": "\u03c5\u0308\u0300", "\u1fe3": "\u03c5\u0308\u0301", "\u1fe4": "\u03c1\u0313", "\u1fe6": "\u03c5\u0342", "\u1fe7": "\u03c5\u0308\u0342", "\u1ff2": "\u1f7c\u03b9", "\u1ff3": "\u03c9\u03b9", "\u1ff4": "\u03ce\u03b9", "\u1ff6": "\u03c9\u0342", "\u1ff7": "\u03c9\u0342\u03b9", "\uab70": "\u13a0", "\uab71": "\u13a1", "\uab72": "\u13a2", "\uab73": "\u13a3", "\uab74": "\u13a4", "\uab75": "\u13a5", "\uab76": "\u13a6", "\uab77": "\u13a7", "\uab78": "\u13a8", "\uab79": "\u13a9", "\uab7a": "\u13aa", "\uab7b": "\u13ab", "\uab7c": "\u13ac", "\uab7d": "\u13ad", "\uab7e": "\u13ae", "\uab7f": "\u13af", "\uab80": "\u13b0", "\uab81": "\u13b1", "\uab82": "\u13b2", "\uab83": "\u13b3", "\uab84": "\u13b4", "\uab85": "\u13b5", "\uab86": "\u13b6", "\uab87": "\u13b7", "\uab88": "\u13b8", "\uab89": "\u13b9", "\uab8a": "\u13ba", "\uab8b": "\u13bb", "\uab8c": "\u13bc", "\uab8d": "\u13bd", "\uab8e": "\u13be", "\uab8f": "\u13bf", "\uab90": "\u13c0", "\uab91": "\u13c1", "\uab92": "\u13c2", "\uab93": "\u13c3", "\uab94": "\u13c4", "\uab95": "\u13c5", "\uab96": "\u13c6", "\uab97": "\u13c7", "\uab98": "\u13c8", "\uab99": "\u13c9", "\uab9a": "\u13ca", "\uab9b": "\u13cb", "\uab9c": "\u13cc", "\uab9d": "\u13cd", "\uab9e": "\u13ce", "\uab9f": "\u13cf", "\uaba0": "\u13d0", "\uaba1": "\u13d1", "\uaba2": "\u13d2", "\uaba3": "\u13d3", "\uaba4": "\u13d4", "\uaba5": "\u13d5", "\uaba6": "\u13d6", "\uaba7": "\u13d7", "\uaba8": "\u13d8", "\uaba9": "\u13d9", "\uabaa": "\u13da", "\uabab": "\u13db", "\uabac": "\u13dc", "\uabad": "\u13dd", "\uabae": "\u13de", "\uabaf": "\u13df", "\uabb0": "\u13e0", "\uabb1": "\u13e1", "\uabb2": "\u13e2", "\uabb3": "\u13e3", "\uabb4": "\u13e4", "\uabb5": "\u13e5", "\uabb6": "\u13e6", "\uabb7": "\u13e7", "\uabb8": "\u13e8", "\uabb9": "\u13e9", "\uabba": "\u13ea", "\uabbb": "\u13eb", "\uabbc": "\u13ec", "\uabbd": "\u13ed", "\uabbe": "\u13ee", "\uabbf": "\u13ef", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\ufb13": "\u0574\u0576", "\ufb14": "\u0574\u0565", "\ufb15": "\u0574\u056b", "\ufb16": "\u057e\u0576", "\ufb17": "\u0574\u056d"}, "characters": {"\t": " ", "\n": " ", "\u000b": " ", "\f": " ", "\r": " ", "\u001c": " ", "\u001d": " ", "\u001e": " ", "\u001f": " ", " ": " ", "-": " ", "`": "'", "\u0085": " ", "\u00a0": " ", "\u00ad": "", "\u00b4": "'", "\u00e6": "ae", "\u0153": "oe", "\u02b9": "'", "\u02bc": "'", "\u058a": " ", "\u05be": " ", "\u1680": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ", "\u2015": " ", "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2028": " ", "\u2029": " ", "\u202f": " ", "\u2032": "'", "\u2035": "'", "\u2043": " ", "\u205f": " ", "\u2060": "", "\u2212": " ", "\u2e3a": " ", "\u2e3b": " ", "\u3000": " ", "\ufe58": " ", "\ufe63": " ", "\ufeff": "", "\uff07": "'", "\uff0d": " "}, "marks": "\u0300-\u034e\u0350-\u036f\u0483-\u0487\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed\u0711\u0730-\u074a\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1\u08e3-\u08ff\u093c\u094d\u0951-\u0954\u09bc\u09cd\u09fe\u0a3c\u0a4d\u0abc\u0acd\u0b3c\u0b4d\u0bcd\u0c3c\u0c4d\u0c55-\u0c56\u0cbc\u0ccd\u0d3b-\u0d3c\u0d4d\u0dca\u0e38-\u0e3a\u0e48-\u0e4b\u0eb8-\u0eba\u0ec8-\u0ecb\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f71-\u0f72\u0f74\u0f7a-\u0f7d\u0f80\u0f82-\u0f84\u0f86-\u0f87\u0fc6\u1037\u1039-\u103a\u108d\u135d-\u135f\u1714-\u1715\u1734\u17d2\u17dd\u18a9\u1939-\u193b\u1a17-\u1a18\u1a60\u1a75-\u1a7c\u1a7f\u1ab0-\u1abd\u1abf-\u1ace\u1b34\u1b44\u1b6b-\u1b73\u1baa-\u1bab\u1be6\u1bf2-\u1bf3\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce0\u1ce2-\u1ce8\u1ced\u1cf4\u1cf8-\u1cf9\u1dc0-\u1dff\u20d0-\u20dc\u20e1\u20e5-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua806\ua82c\ua8c4\ua8e0-\ua8f1\ua92b-\ua92d\ua953\ua9b3\ua9c0\uaab0\uaab2-\uaab4\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaf6\uabed\ufb1e\ufe20-\ufe2f\ud800\uddfd\ud800\udee0\ud800\udf76-\ud800\udf7a\ud802\ude0d\ud802\ude0f\ud802\ude38-\ud802\ude3a\ud802\ude3f\ud802\udee5-\ud802\udee6\ud803\udd24-\ud803\udd27\ud803\udeab-\ud803\udeac\ud803\udf46-\ud803\udf50\ud803\udf82-\ud803\udf85\ud804\udc46\ud804\udc70\ud804\udc7f\ud804\udcb9-\ud804\udcba\ud804\udd00-\ud804\udd02\ud804\udd33-\ud804\udd34\ud804\udd73\ud804\uddc0\ud804\uddca\ud804\ude35-\ud804\ude36\ud804\udee9-\ud804\udeea\ud804\udf3b-\ud804\udf3c\ud804\udf4d\ud804\udf66-\ud804\udf6c\ud804\udf70-\ud804\udf74\ud805\udc42\ud805\udc46\ud805\udc5e\ud805\udcc2-\ud805\udcc3\ud805\uddbf-\ud805\uddc0\ud805\ude3f\ud805\udeb6-\ud805\udeb7\ud805\udf2b\ud806\udc39-\ud806\udc3a\ud806\udd3d-\ud806\udd3e\ud806\udd43\ud806\udde0\ud806\ude34\ud806\ude47\ud806\ude99\ud807\udc3f\ud807\udd42\ud807\udd44-\ud807\udd45\ud807\udd97\ud81a\udef0-\ud81a\udef4\ud81a\udf30-\ud81a\udf36\ud81b\udff0-\ud81b\udff1\ud82f\udc9e\ud834\udd65-\ud834\udd69\ud834\udd6d-\ud834\udd72\ud834\udd7b-\ud834\udd82\ud834\udd85-\ud834\udd8b\ud834\uddaa-\ud834\uddad\ud834\ude42-\ud834\ude44\ud838\udc00-\ud838\udc06\ud838\udc08-\ud838\udc18\ud838\udc1b-\ud838\udc21\ud838\udc23-\ud838\udc24\ud838\udc26-\ud838\udc2a\ud838\udd30-\ud838\udd36\ud838\udeae\ud838\udeec-\ud838\udeef\ud83a\udcd0-\ud83a\udcd6\ud83a\udd44-\ud83a\udd4a"};
window.BPO_SEARCH_INDEX = [
{
"de": "accès à l'expertise",
"en": "access to expertise",
"es": "accès à l'expertise",
"fr": "accès à l'expertise",
"labels": [
[
"acces a des competences specialisees",
1
],
[
"acces a l'expertise",
0
],
[
"acces a un vivier de talents mondial",
1
],
[
"acces a une expertise mondiale",
1
],
[
"access to a global talent pool",
1
],
[
"access to expertise",
0
],
[
"access to global expertise",
1
],
[
"access to specialist skills",
1
],
[
"d'acceder a une expertise mondiale",
2,
"deprecatedTerm",
"fr",
"d'accéder à une expertise mondiale"
],
[
"vivier de talents mondial",
2,
"deprecatedTerm",
"fr",
"vivier de talents mondial"
]
],
"slug": "access-to-expertise"
},
{
"de": "Rechnungswesen",
"en": "accounting",
"es": "contabilidad",
"fr": "comptabilité",
"labels": [
[
"accountancy",
1
],
[
"accounting",
0
],
[
"betriebliches rechnungswesen",
1
],
[
"betriebswirtschaftliches rechnungswesen",
1
],
[
"comptabilite",
0
],
[
"contabilidad",
0
],
[
"fonction comptable",
1
],
[
"rechnungswesen",
0
]
],
"slug": "accounting"
},
{
"de": "externalisation des processus métier",
"en": "business process outsourcing",
"es": "externalisation des processus métier",
"fr": "externalisation des processus métier",
"labels": [
[
"bpo",
1
],
[
"business process outsourcing",
0
],
[
"business process outsourcing",
1,
"deprecatedTerm",
"fr",
"business process outsourcing"
],
[
"externalisation de processus metier",
1
],
[
"externalisation des processus d'affaires",
1
],
[
"externalisation des processus metier",
0
],
[
"externalisation des processus metiers",
1
],
[
"externalisation des processus metiers (bpo)",
2,
"deprecatedTerm",
"fr",
"Externalisation des processus métiers (BPO)"
],
[
"l'externalisation des processus metier (bpo)",
2,
"deprecatedTerm",
"fr",
"L'externalisation des processus métier (BPO)"
]
],
"slug": "bpo"
},
{
"de": "fonction de l'entreprise",
"en": "business function",
"es": "fonction de l'entreprise",
"fr": "fonction de l'entreprise",
"labels": [
[
"business function",
0
],
[
"fonction d'entreprise",
1
],
[
"fonction de l'entreprise",
0
]
],
"slug": "business-function"
},
{
"de": "processus métier",
"en": "business process",
"es": "processus métier",
"fr": "processus métier",
"labels": [
[
"business process",
0
],
[
"business processes",
2,
"deprecatedTerm",
"en",
"business processes"
],
[
"processus d'affaires",
1
],
[
"processus d'entreprise",
1
],
[
"processus de travail",
2,
"deprecatedTerm",
"fr",
"processus de travail"
],
[
"processus metier",
0
]
],
"slug": "business-process"
},
{
"de": "entreprise cliente",
"en": "client company",
"es": "entreprise cliente",
"fr": "entreprise cliente",
"labels": [
[
"client company",
0
],
[
"donneur d'ordre",
2,
"deprecatedTerm",
"fr",
"donneur d'ordre"
],
[
"donneur d'ordres",
1
],
[
"entreprise cliente",
0
],
[
"societe cliente",
1
]
],
"slug": "client-company"
},
{
"de": "cœur de métier",
"en": "core business",
"es": "cœur de métier",
"fr": "cœur de métier",
"labels": [
[
"activite principale",
1
],
[
"coeur d'activite",
1
],
[
"coeur de metier",
0
],
[
"coeur de metier",
2,
"deprecatedTerm",
"fr",
"coeur de métier"
],
[
"core activities",
2,
"deprecatedTerm",
"en",
"core activities"
],
[
"core activity",
1
],
[
"core business",
0
],
[
"core business",
1,
"deprecatedTerm",
"fr",
"core business"
],
[
"core functions",
1
],
[
"fonctions de base",
2,
"deprecatedTerm",
"fr",
"fonctions de base"
],
[
"metier de base",
1
],
[
"principales strategies commerciales",
2,
"deprecatedTerm",
"fr",
"principales stratégies commerciales"
]
],
"slug": "core-business"
},
{
"de": "réduction des coûts",
"en": "cost reduction",
"es": "réduction des coûts",
"fr": "réduction des coûts",
"labels": [
[
"baisse des couts",
1
],
[
"cost reduction",
0
],
[
"cost savings",
1
],
[
"costs reduction",
2,
"deprecatedTerm",
"en",
"costs reduction"
],
[
"couts reduction",
2,
"deprecatedTerm",
"fr",
"Coûts reduction"
],
[
"economies de couts",
1
],
[
"realiser des economies",
2,
"deprecatedTerm",
"fr",
"réaliser des économies"
],
[
"reduction de couts",
1
],
[
"reduction des couts",
0
]
],
"slug": "cost-reduction"
},
{
"de": "barrières culturelles et linguistiques",
"en": "cultural and language barriers",
"es": "barrières culturelles et linguistiques",
"fr": "barrières culturelles et linguistiques",
"labels": [
[
"barriere linguistique",
2,
"deprecatedTerm",
"fr",
"barrière linguistique"
],
[
"barrieres culturelles et linguistiques",
0
],
[
"barrieres de communication",
1
],
[
"communication barriers",
1
],
[
"cultural and communication barriers",
1
],
[
"cultural and language barriers",
0
],
[
"cultural differences",
2,
"deprecatedTerm",
"en",
"cultural differences"
],
[
"cultural obstacles and communication",
2,
"deprecatedTerm",
"en",
"cultural obstacles and communication"
],
[
"cultural obstacles and communication",
2,
"deprecatedTerm",
"fr",
"Cultural obstacles and communication"
],
[
"differences culturelles",
2,
"deprecatedTerm",
"fr",
"différences culturelles"
],
[
"language barriers",
2,
"deprecatedTerm",
"en",
"language barriers"
],
[
"obstacles culturels et linguistiques",
1
]
],
"slug": "cultural-language-barriers"
},
{
"de": "Kundenservice",
"en": "customer service",
"es": "service client",
"fr": "service client",
"labels": [
[
"customer care",
1
],
[
"customer service",
0
],
[
"customer support",
1
],
[
"kundenbetreuung",
1
],
[
"kundendienst",
1
],
[
"kundenservice",
0
],
[
"service a la clientele",
1
],
[
"service client",
0
],
[
"service clients",
1
]
],
"slug": "customer-service"
},
{
"de": "sécurité et confidentialité des données",
"en": "data security and privacy",
"es": "sécurité et confidentialité des données",
"fr": "sécurité et confidentialité des données",
"labels": [
[
"confidentialite des donnees",
2,
"deprecatedTerm",
"fr",
"confidentialité des données"
],
[
"data privacy",
2,
"deprecatedTerm",
"en",
"data privacy"
],
[
"data protection",
2,
"deprecatedTerm",
"en",
"data protection"
],
[
"data security",
2,
"deprecatedTerm",
"en",
"data security"
],
[
"data security and privacy",
0
],
[
"information security and confidentiality",
1
],
[
"protection des donnees",
2,
"deprecatedTerm",
"fr",
"protection des données"
],
[
"protection des donnees personnelles",
2,
"deprecatedTerm",
"fr",
"protection des données personnelles"
],
[
"protection des donnees sensibles",
1
],
[
"safety and privacy",
2,
"deprecatedTerm",
"en",
"safety and privacy"
],
[
"safety and privacy",
2,
"deprecatedTerm",
"fr",
"Safety and Privacy"
],
[
"securite des donnees",
2,
"deprecatedTerm",
"fr",
"sécurité des données"
],
[
"securite et confidentialite des donnees",
0
]
],
"slug": "data-security-privacy"
},
{
"de": "gain d'efficacité",
"en": "efficiency gain",
"es": "gain d'efficacité",
"fr": "gain d'efficacité",
"labels": [
[
"amelioration de l'efficacite",
1
],
[
"ameliorer l'efficacite",
2,
"deprecatedTerm",
"fr",
"améliorer l'efficacité"
],
[
"efficiency gain",
0
],
[
"efficiency gains",
2,
"supersededTerm",
"en",
"efficiency gains"
],
[
"gain d'efficacite",
0
],
[
"gains d'efficacite",
2,
"deprecatedTerm",
"fr",
"gains d'efficacité"
],
[
"improved efficiency",
1
]
],
"slug": "efficiency-gains"
},
{
"de": "recentrage sur le cœur de métier",
"en": "focus on core business",
"es": "recentrage sur le cœur de métier",
"fr": "recentrage sur le cœur de métier",
"labels": [
[
"concentration sur le coeur de metier",
1
],
[
"concentration sur les activites principales",
1
],
[
"concentrez vous sur les fonctions de base",
2,
"deprecatedTerm",
"fr",
"Concentrez-vous sur les fonctions de base"
],
[
"focus on core activities",
1
],
[
"focus on core business",
0
],
[
"focus on core functions",
1
],
[
"recentrage sur le coeur de metier",
0
],
[
"recentrage sur les activites strategiques",
1
]
],
"slug": "focus-on-core-business"
},
{
"de": "Personalmanagement",
"en": "human resource management",
"es": "gestión de los recursos humanos",
"fr": "gestion des ressources humaines",
"labels": [
[
"administracion del personal",
1
],
[
"administration du personnel",
1
],
[
"gestion de los recursos humanos",
0
],
[
"gestion del personal",
1
],
[
"gestion des ressources humaines",
0
],
[
"gestion du personnel",
1
],
[
"grh",
1
],
[
"hr",
1
],
[
"hrm",
1
],
[
"human resource management",
0
],
[
"human resources",
1
],
[
"personalmanagement",
0
],
[
"personalverwaltung",
1
],
[
"personalwesen",
1
],
[
"personalwirtschaft",
1
],
[
"personnel management",
1
],
[
"ressources humaines",
1
],
[
"rh",
1
]
],
"slug": "human-resource-management"
},
{
"de": "propriété intellectuelle",
"en": "intellectual property",
"es": "propiedad intelectual",
"fr": "propriété intellectuelle",
"labels": [
[
"droits de propriete intellectuelle",
1
],
[
"intellectual property",
0
],
[
"intellectual property rights",
1
],
[
"ip",
1
],
[
"ipr",
1
],
[
"pi",
1
],
[
"propiedad intelectual",
0
],
[
"propriete intellectuelle",
0
]
],
"slug": "intellectual-property"
},
{
"de": "infogérance",
"en": "IT outsourcing",
"es": "infogérance",
"fr": "infogérance",
"labels": [
[
"externalisation informatique",
1
],
[
"infogerance",
0
],
[
"information technology outsourcing",
1
],
[
"it outsourcing",
0
],
[
"ito",
1
]
],
"slug": "it-outsourcing"
},
{
"de": "services informatiques",
"en": "IT services",
"es": "services informatiques",
"fr": "services informatiques",
"labels": [
[
"fonction informatique",
1
],
[
"information technology services",
1
],
[
"it services",
0
],
[
"it support",
1
],
[
"service informatique",
1
],
[
"services des technologies de l'information",
1
],
[
"services informatiques",
0
]
],
"slug": "it-services"
},
{
"de": "externalisation dans un pays proche",
"en": "nearshore outsourcing",
"es": "externalisation dans un pays proche",
"fr": "externalisation dans un pays proche",
"labels": [
[
"externalisation a proximite des cotes",
2,
"deprecatedTerm",
"fr",
"Externalisation à proximité des côtes"
],
[
"externalisation dans un pays proche",
0
],
[
"externalisation dans un pays voisin",
1
],
[
"externalisation nearshore",
1
],
[
"nearshore bpo",
1
],
[
"nearshore outsourcing",
0
],
[
"nearshore sourcing",
1
],
[
"outsourcing nearshore",
1,
"deprecatedTerm",
"fr",
"outsourcing nearshore"
]
],
"slug": "nearshore-outsourcing"
},
{
"de": "délocalisation dans un pays proche",
"en": "nearshoring",
"es": "délocalisation dans un pays proche",
"fr": "délocalisation dans un pays proche",
"labels": [
[
"delocalisation dans un pays proche",
0
],
[
"delocalisation proche",
1
],
[
"nearshore relocation",
1
],
[
"nearshoring",
0
],
[
"nearshoring",
1,
"deprecatedTerm",
"fr",
"nearshoring"
]
],
"slug": "nearshoring"
},
{
"de": "externalisation dans un pays éloigné",
"en": "offshore outsourcing",
"es": "externalisation dans un pays éloigné",
"fr": "externalisation dans un pays éloigné",
"labels": [
[
"externalisation a l'etranger",
2,
"deprecatedTerm",
"fr",
"externalisation à l'étranger"
],
[
"externalisation dans un pays eloigne",
0
],
[
"externalisation dans un pays lointain",
1
],
[
"externalisation en mer",
2,
"deprecatedTerm",
"fr",
"Externalisation en mer"
],
[
"externalisation lointaine",
2,
"deprecatedTerm",
"fr",
"externalisation lointaine"
],
[
"externalisation offshore",
1
],
[
"offshore bpo",
1
],
[
"offshore outsourcing",
0
],
[
"offshore sourcing",
1
],
[
"outsourcing offshore",
1,
"deprecatedTerm",
"fr",
"outsourcing offshore"
]
],
"slug": "offshore-outsourcing"
},
{
"de": "Auslandsverlagerung",
"en": "offshoring",
"es": "délocalisation",
"fr": "délocalisation",
"labels": [
[
"auslandsverlagerung",
0
],
[
"betriebsverlagerung ins ausland",
1
],
[
"delocalisation",
0
],
[
"delocalisation",
1
],
[
"delocalisation a l'etranger",
1
],
[
"delocalisation d'entreprise",
1
],
[
"delocalisation industrielle",
1
],
[
"industrieverlagerung ins ausland",
1
],
[
"offshore",
2,
"deprecatedTerm",
"fr",
"offshore"
],
[
"offshoring",
0
],
[
"offshoring",
1,
"deprecatedTerm",
"fr",
"offshoring"
],
[
"production relocation",
1
],
[
"produktionsverlagerung ins ausland",
1
],
[
"relocation abroad",
1
]
],
"slug": "offshoring"
},
{
"de": "externalisation dans le pays",
"en": "onshore outsourcing",
"es": "externalisation dans le pays",
"fr": "externalisation dans le pays",
"labels": [
[
"domestic outsourcing",
1
],
[
"externalisation a terre",
2,
"deprecatedTerm",
"fr",
"Externalisation à terre"
],
[
"externalisation dans le pays",
0
],
[
"externalisation nationale",
1
],
[
"externalisation onshore",
1
],
[
"externalisation sur le territoire national",
1
],
[
"onshore bpo",
1
],
[
"onshore outsourcing",
0
],
[
"outsourcing onshore",
1,
"deprecatedTerm",
"fr",
"outsourcing onshore"
]
],
"slug": "onshore-outsourcing"
},
{
"de": "délocalisation dans le pays",
"en": "onshoring",
"es": "délocalisation dans le pays",
"fr": "délocalisation dans le pays",
"labels": [
[
"delocalisation dans le pays",
0
],
[
"delocalisation regionale",
1
],
[
"domestic relocation",
1
],
[
"onshoring",
0
],
[
"onshoring",
1,
"deprecatedTerm",
"fr",
"onshoring"
]
],
"slug": "onshoring"
},
{
"de": "Outsourcing",
"en": "outsourcing",
"es": "externalisation",
"fr": "externalisation",
"labels": [
[
"ausgliederung betrieblicher leistungen",
1
],
[
"auslagerung betrieblicher leistungen",
1
],
[
"contracting out",
1
],
[
"externalisation",
0
],
[
"externalisation",
1
],
[
"externalisation des activites",
1
],
[
"farming out",
1
],
[
"impartition",
1
],
[
"outsourcing",
0
],
[
"outsourcing",
1,
"deprecatedTerm",
"fr",
"outsourcing"
]
],
"slug": "outsourcing"
},
{
"de": "paie",
"en": "payroll",
"es": "paie",
"fr": "paie",
"labels": [
[
"administration de la paie",
1
],
[
"gestion de la paie",
1
],
[
"paie",
0
],
[
"paye",
1
],
[
"payroll",
0
],
[
"payroll administration",
1
],
[
"payroll management",
1
],
[
"payroll processing",
1
],
[
"traitement de la paie",
1
]
],
"slug": "payroll"
},
{
"de": "contrôle de la qualité",
"en": "quality control",
"es": "contrôle de la qualité",
"fr": "contrôle de la qualité",
"labels": [
[
"controle de la qualite",
0
],
[
"controle qualite",
1
],
[
"maitrise de la qualite",
1
],
[
"quality control",
0
],
[
"quality control",
2,
"deprecatedTerm",
"fr",
"Quality control"
],
[
"quality monitoring",
1
],
[
"service quality control",
1
],
[
"suivi de la qualite de service",
1
]
],
"slug": "quality-control"
},
{
"de": "évolutivité et flexibilité",
"en": "scalability and flexibility",
"es": "évolutivité et flexibilité",
"fr": "évolutivité et flexibilité",
"labels": [
[
"adaptabilite des capacites",
1
],
[
"evolutivite",
2,
"deprecatedTerm",
"fr",
"évolutivité"
],
[
"evolutivite et flexibilite",
0
],
[
"evolutivity",
2,
"deprecatedTerm",
"en",
"evolutivity"
],
[
"evolutivity and flexibilite",
2,
"deprecatedTerm",
"fr",
"Evolutivity and flexibilité"
],
[
"flexibilite operationnelle",
1
],
[
"operational flexibility",
1
],
[
"scalability",
2,
"deprecatedTerm",
"en",
"scalability"
],
[
"scalability and flexibility",
0
]
],
"slug": "scalability-flexibility"
},
{
"de": "accord de niveau de service",
"en": "service level agreement",
"es": "accord de niveau de service",
"fr": "accord de niveau de service",
"labels": [
[
"accord de niveau de service",
0
],
[
"convention de niveaux de service",
1
],
[
"service level agreement",
0
],
[
"service level agreement",
1
],
[
"sla",
1
]
],
"slug": "service-level-agreement"
},
{
"de": "prestataire de services",
"en": "service provider",
"es": "prestataire de services",
"fr": "prestataire de services",
"labels": [
[
"bpo provider",
1
],
[
"entreprises specialisees",
2,
"deprecatedTerm",
"fr",
"entreprises spécialisées"
],
[
"external service provider",
1
],
[
"fournisseur de services",
1
],
[
"fournisseur externe",
1
],
[
"outsourcing provider",
1
],
[
"prestataire",
1
],
[
"prestataire de services",
0
],
[
"prestataire de services externe",
1
],
[
"prestataire externe",
1
],
[
"prestataires de services externes",
2,
"deprecatedTerm",
"fr",
"prestataires de services externes"
],
[
"service provider",
0
],
[
"vendor",
1
]
],
"slug": "service-provider"
},
{
"de": "sous-traitance",
"en": "subcontracting",
"es": "sous-traitance",
"fr": "sous-traitance",
"labels": [
[
"sous traitance",
0
],
[
"sub contracting",
1
],
[
"subcontracting",
0
]
],
"slug": "subcontracting"
},
{
"de": "fonction support",
"en": "support function",
"es": "fonction support",
"fr": "fonction support",
"labels": [
[
"activite non essentielle",
2,
"deprecatedTerm",
"fr",
"activité non essentielle"
],
[
"back office function",
1
],
[
"fonction de soutien",
1
],
[
"fonction non strategique",
1
],
[
"fonction support",
0
],
[
"non core activity",
1
],
[
"non core function",
1
],
[
"support function",
0
],
[
"taches secondaires",
2,
"deprecatedTerm",
"fr",
"tâches secondaires"
],
[
"taches secondaires mais essentielles",
2,
"deprecatedTerm",
"fr",
"tâches secondaires mais essentielles"
]
],
"slug": "support-function"
}
];
window.BPO_SEARCH_LANGUAGES = ["fr", "en", "de", "es"];
window.BPO_SEARCH_QUOTES = "\"\u201c\u201d\u00ab\u00bb\u201e";
window.BPO_SEARCH_WORDS = {"de": {"deprecatedTerm": "deprecated term", "supersededTerm": "superseded term"}, "en": {"deprecatedTerm": "deprecated term", "supersededTerm": "superseded term"}, "es": {"deprecatedTerm": "deprecated term", "supersededTerm": "superseded term"}, "fr": {"deprecatedTerm": "terme déconseillé", "supersededTerm": "terme remplacé"}};
