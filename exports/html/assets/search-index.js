window.BPO_SEARCH_INDEX = [
{
"en": "access to expertise",
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
2
],
[
"vivier de talents mondial",
2
]
],
"slug": "access-to-expertise"
},
{
"en": "accounting",
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
"comptabilite",
0
],
[
"fonction comptable",
1
]
],
"slug": "accounting"
},
{
"en": "business process outsourcing",
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
1
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
2
],
[
"l'externalisation des processus metier (bpo)",
2
]
],
"slug": "bpo"
},
{
"en": "business function",
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
"en": "business process",
"fr": "processus métier",
"labels": [
[
"business process",
0
],
[
"business processes",
2
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
2
],
[
"processus metier",
0
]
],
"slug": "business-process"
},
{
"en": "client company",
"fr": "entreprise cliente",
"labels": [
[
"client company",
0
],
[
"donneur d'ordre",
2
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
"en": "core business",
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
2
],
[
"core activities",
2
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
1
],
[
"core functions",
1
],
[
"fonctions de base",
2
],
[
"metier de base",
1
],
[
"principales strategies commerciales",
2
]
],
"slug": "core-business"
},
{
"en": "cost reduction",
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
2
],
[
"couts reduction",
2
],
[
"economies de couts",
1
],
[
"realiser des economies",
2
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
"en": "cultural and language barriers",
"fr": "barrières culturelles et linguistiques",
"labels": [
[
"barriere linguistique",
2
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
2
],
[
"cultural obstacles and communication",
2
],
[
"differences culturelles",
2
],
[
"language barriers",
2
],
[
"obstacles culturels et linguistiques",
1
]
],
"slug": "cultural-language-barriers"
},
{
"en": "customer service",
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
"en": "data security and privacy",
"fr": "sécurité et confidentialité des données",
"labels": [
[
"confidentialite des donnees",
2
],
[
"data privacy",
2
],
[
"data protection",
2
],
[
"data security",
2
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
2
],
[
"protection des donnees personnelles",
2
],
[
"protection des donnees sensibles",
1
],
[
"safety and privacy",
2
],
[
"securite des donnees",
2
],
[
"securite et confidentialite des donnees",
0
]
],
"slug": "data-security-privacy"
},
{
"en": "efficiency gain",
"fr": "gain d'efficacité",
"labels": [
[
"amelioration de l'efficacite",
1
],
[
"ameliorer l'efficacite",
2
],
[
"efficiency gain",
0
],
[
"efficiency gains",
2
],
[
"gain d'efficacite",
0
],
[
"gains d'efficacite",
2
],
[
"improved efficiency",
1
]
],
"slug": "efficiency-gains"
},
{
"en": "focus on core business",
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
"concentrez-vous sur les fonctions de base",
2
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
"en": "human resource management",
"fr": "gestion des ressources humaines",
"labels": [
[
"administration du personnel",
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
"en": "intellectual property",
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
"propriete intellectuelle",
0
]
],
"slug": "intellectual-property"
},
{
"en": "IT outsourcing",
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
"en": "IT services",
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
"en": "nearshore outsourcing",
"fr": "externalisation dans un pays proche",
"labels": [
[
"externalisation a proximite des cotes",
2
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
1
]
],
"slug": "nearshore-outsourcing"
},
{
"en": "nearshoring",
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
1
]
],
"slug": "nearshoring"
},
{
"en": "offshore outsourcing",
"fr": "externalisation dans un pays éloigné",
"labels": [
[
"externalisation a l'etranger",
2
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
2
],
[
"externalisation lointaine",
2
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
1
]
],
"slug": "offshore-outsourcing"
},
{
"en": "offshoring",
"fr": "délocalisation",
"labels": [
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
"offshore",
2
],
[
"offshoring",
0
],
[
"offshoring",
1
],
[
"production relocation",
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
"en": "onshore outsourcing",
"fr": "externalisation dans le pays",
"labels": [
[
"domestic outsourcing",
1
],
[
"externalisation a terre",
2
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
1
]
],
"slug": "onshore-outsourcing"
},
{
"en": "onshoring",
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
1
]
],
"slug": "onshoring"
},
{
"en": "outsourcing",
"fr": "externalisation",
"labels": [
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
1
]
],
"slug": "outsourcing"
},
{
"en": "payroll",
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
"en": "quality control",
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
2
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
"en": "scalability and flexibility",
"fr": "évolutivité et flexibilité",
"labels": [
[
"adaptabilite des capacites",
1
],
[
"evolutivite",
2
],
[
"evolutivite et flexibilite",
0
],
[
"evolutivity",
2
],
[
"evolutivity and flexibilite",
2
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
2
],
[
"scalability and flexibility",
0
]
],
"slug": "scalability-flexibility"
},
{
"en": "service level agreement",
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
"service-level agreement",
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
"en": "service provider",
"fr": "prestataire de services",
"labels": [
[
"bpo provider",
1
],
[
"entreprises specialisees",
2
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
2
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
"en": "subcontracting",
"fr": "sous-traitance",
"labels": [
[
"sous-traitance",
0
],
[
"sub-contracting",
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
"en": "support function",
"fr": "fonction support",
"labels": [
[
"activite non essentielle",
2
],
[
"back-office function",
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
"non-core activity",
1
],
[
"non-core function",
1
],
[
"support function",
0
],
[
"taches secondaires",
2
],
[
"taches secondaires mais essentielles",
2
]
],
"slug": "support-function"
}
];
