/**
 * Organisations, acronyms and first names known in advance. Data, reviewed as lists: well-known
 * institutions, companies and parties; the acronyms news writes without expanding; common first
 * names across the languages news quotes. Anything missing is left to the context rules.
 */

/** Organisations written as one or a few capitalised words with no organisation marker. */
export const KNOWN_ORGS = (
  "Apple|Google|Alphabet|Microsoft|Amazon|Meta|Facebook|Instagram|WhatsApp|Tesla|SpaceX|Nvidia|OpenAI|" +
  "Anthropic|Mistral AI|Netflix|Samsung|Sony|Toyota|Honda|Nissan|Hyundai|Volkswagen|BMW|Mercedes-Benz|" +
  "Renault|Stellantis|Peugeot|Ford|General Motors|Airbus|Boeing|TotalEnergies|Shell|Engie|EDF|SNCF|RATP|" +
  "Orange|Carrefour|Danone|L'Oréal|LVMH|Kering|Hermès|Michelin|Safran|Thales|Dassault|Dassault Aviation|" +
  "Alstom|Veolia|Vinci|Bouygues|Sanofi|BNP Paribas|Société Générale|Crédit Agricole|AXA|Bpifrance|" +
  "Binance|Coinbase|Tether|BlackRock|Vanguard|MicroStrategy|Goldman Sachs|JPMorgan|JPMorgan Chase|" +
  "Morgan Stanley|Citigroup|HSBC|Barclays|UBS|Deutsche Bank|Visa|Mastercard|PayPal|Uber|Airbnb|Spotify|" +
  "Huawei|Alibaba|Tencent|ByteDance|TikTok|Xiaomi|BYD|Intel|AMD|IBM|Oracle|Cisco|Qualcomm|Arm|TSMC|ASML|" +
  "Nokia|Ericsson|Siemens|Bosch|Ryanair|easyJet|Lufthansa|Air France|Air France-KLM|KLM|Emirates|" +
  "Pfizer|Moderna|AstraZeneca|Novartis|Roche|Novo Nordisk|Eli Lilly|Bayer|GSK|Nestlé|Unilever|" +
  "Leonardo|Reuters|Bloomberg|AFP|Associated Press|Le Monde|Le Figaro|Libération|Les Echos|Ouest-France|" +
  "The New York Times|The Washington Post|The Guardian|Financial Times|The Economist|BBC|CNN|Fox News|" +
  "Euronext|Nasdaq|Interpol|Europol|Frontex|Greenpeace|Amnesty International|Oxfam|UNICEF|UNESCO|FIFA|" +
  "UEFA|Insee|Eurostat|Medef|Pôle emploi|France Travail|Urssaf|Arcom|Ofcom|Météo-France|" +
  "Santé publique France|Business France|Voies navigables de France|Banque de France|Caisse des dépôts|Bundestag|Bundesbank|Knesset|" +
  "Duma|Congress|Hamas|Hezbollah|Taliban|Mercosur|Médecins sans frontières|Croix-Rouge|Red Cross|" +
  "Wikipedia|Wikimedia|Mozilla|GitHub|X Corp|Starlink|Glencore|ArcelorMittal|Rio Tinto|Saudi Aramco|Aramco|" +
  "Gazprom|Rosneft|Petrobras|Pemex|Walmart|Costco|Nike|Adidas|Puma|Zara|Inditex|IKEA|H&M|Lego|Disney|" +
  "Warner Bros|Paramount|Universal|Canal+|TF1|France Télévisions|Radio France|Arte|Euronews|Franceinfo|" +
  "France Info|France Inter|France 2|France 3|France 24|BFMTV|BFM TV|LCI|CNews|RTL|Europe 1|RMC|M6|" +
  "Le Parisien|Mediapart|20 Minutes|L'Express|Le Point|L'Obs|Reuters|Politico|Axios|NBC|CBS|ABC News|Sky News"
).split("|");

/** Acronyms and their expansions (French, then English where the acronym differs). */
export const ACRONYMS: Record<string, { fr?: string; en?: string }> = {
  FMI: { fr: "Fonds monétaire international" },
  IMF: { en: "International Monetary Fund" },
  BCE: { fr: "Banque centrale européenne" },
  ECB: { en: "European Central Bank" },
  OMS: { fr: "Organisation mondiale de la santé" },
  WHO: { en: "World Health Organization" },
  ONU: { fr: "Organisation des Nations unies" },
  UN: { en: "United Nations" },
  UE: { fr: "Union européenne" },
  EU: { en: "European Union" },
  OTAN: { fr: "Organisation du traité de l'Atlantique nord" },
  NATO: { en: "North Atlantic Treaty Organization" },
  OCDE: { fr: "Organisation de coopération et de développement économiques" },
  OECD: { en: "Organisation for Economic Co-operation and Development" },
  OMC: { fr: "Organisation mondiale du commerce" },
  WTO: { en: "World Trade Organization" },
  OPEP: { fr: "Organisation des pays exportateurs de pétrole" },
  OPEC: { en: "Organization of the Petroleum Exporting Countries" },
  AIE: { fr: "Agence internationale de l'énergie" },
  IEA: { en: "International Energy Agency" },
  BIT: { fr: "Bureau international du travail" },
  ILO: { en: "International Labour Organization" },
  CIO: { fr: "Comité international olympique" },
  IOC: { en: "International Olympic Committee" },
  ESA: { fr: "Agence spatiale européenne", en: "European Space Agency" },
  NASA: { en: "National Aeronautics and Space Administration" },
  SEC: { en: "Securities and Exchange Commission" },
  FTC: { en: "Federal Trade Commission" },
  FBI: { en: "Federal Bureau of Investigation" },
  CIA: { en: "Central Intelligence Agency" },
  FED: { en: "Federal Reserve" },
  Fed: { en: "Federal Reserve" },
  CNRS: { fr: "Centre national de la recherche scientifique" },
  INSEE: { fr: "Institut national de la statistique et des études économiques" },
  SNCF: { fr: "Société nationale des chemins de fer français" },
  EDF: { fr: "Électricité de France" },
  MSF: { fr: "Médecins sans frontières" },
  RN: { fr: "Rassemblement national" },
  LFI: { fr: "La France insoumise" },
  PS: { fr: "Parti socialiste" },
  LR: { fr: "Les Républicains" },
  NFP: { fr: "Nouveau Front populaire" },
  CGT: { fr: "Confédération générale du travail" },
  CFDT: { fr: "Confédération française démocratique du travail" },
  FNSEA: { fr: "Fédération nationale des syndicats d'exploitants agricoles" },
  CDU: { en: "Christian Democratic Union" },
  SPD: { en: "Social Democratic Party" },
  AfD: { en: "Alternative for Germany" },
  USGS: { en: "United States Geological Survey" },
  UNHCR: { en: "United Nations High Commissioner for Refugees" },
  HCR: { fr: "Haut-Commissariat des Nations unies pour les réfugiés" },
  FAO: { en: "Food and Agriculture Organization" },
  BRI: { fr: "Banque des règlements internationaux" },
  BIS: { en: "Bank for International Settlements" },
};

/**
 * Upper-case words that are not organisations: units, currencies, roles, technical terms, parts of
 * a date ("T1", "Q3"). Roman numerals are ruled out by the tokenizer.
 */
export const NOT_ORG_ACRONYMS = (
  "AI IA PDG CEO CFO COO CTO DG USD EUR GBP JPY CHF CNY BTC ETH MW GW KW TW KWH MWH GWH TWH PIB GDP TVA VAT " +
  "SMS PC TV OK ONG NGO PME SME CDI CDD RER TGV TER SUV IPO CO2 ETF NFT DNA ADN ARN RNA HIV VIH COVID " +
  "PDF USB GPS LED LNG GNL GPL EV VE PS5 API IT EPR PM AM BC AD HT TTC NB VS DJ MC " +
  "QR ID Q1 Q2 Q3 Q4 T1 T2 T3 T4 H1 H2 S1 S2 SA SAS SARL LLC PLC INC LTD GMBH AG BV NV CV " +
  // Kickers that open scraped news: "VIDÉO. ...", "EXCLUSIF - ...".
  "VIDEO VIDÉO VIDEOS VIDÉOS PHOTO PHOTOS INFO DIRECT EXCLUSIF ALERTE URGENT AUDIO INTERVIEW REPORTAGE " +
  "ENQUÊTE TRIBUNE INFOGRAPHIE EXCLUSIVE BREAKING LIVE UPDATE WATCH OPINION ANALYSIS"
)
  .split(" ")
  .filter((w) => w.length > 0);

/** Names of events, prizes and works that contain capitalised words but are not entities. */
export const NOT_ENTITIES = (
  "Tour de France|Giro|Vuelta|Coupe du monde|World Cup|Jeux olympiques|Olympic Games|Olympics|" +
  "Ligue des champions|Champions League|Super Bowl|Grand Prix|Palme d'or|Ballon d'or|Oscar|Oscars|" +
  "César|Nobel|Prix Nobel|Nobel Prize|Euro|Mondial|Coupe de France|Premier League|Ligue 1|" +
  "Roland-Garros|Wimbledon|Black Friday|Noël|Christmas|Easter|Pâques|Ramadan|Brexit|Bitcoin|Ethereum|" +
  "Internet|Covid|Covid-19|Ve République|Cinquième République|Premier ministre|Prime Minister"
).split("|");

/** Common first names, international, for names that come without a role or a verb of speech. */
export const FIRST_NAMES = (
  "Aaron Abdel Abdul Abdullah Adam Adrian Adrien Agnès Ahmed Aïcha Alain Alan Albert Alejandro Alex " +
  "Alexander Alexandre Alexandra Alexis Ali Alice Alicia Alina Alison Amanda Amélie Amina Amy Ana Anders " +
  "André Andrea Andreas Andrew Andrés Andy Angela Angelina Anna Anne Annie Anthony Antoine Antonio Arnaud " +
  "Arthur Aurélien Barack Baptiste Barbara Ben Benjamin Benoît Bernard Bertrand Bilal Bill Bob Boris Brian " +
  "Bruno Camille Carlos Carl Caroline Catherine Cécile Charles Charlotte Chloé Chris Christian Christine " +
  "Christophe Christopher Claire Claude Claudia Clément Cyril Daniel Danielle David Denis Diane Didier " +
  "Dimitri Dominic Dominique Donald Duncan Édouard Edward Elena Elisabeth Élisabeth Elizabeth Ella Elon " +
  "Emily Emma Emmanuel Emmanuelle Éric Eric Erik Esther Étienne Eva Fabien Fabrice Fatima Fatou Felipe " +
  "Fernando Florence Florent Florian Francesca Francis Francisco François Françoise Frank Franck Frédéric " +
  "Friedrich Gabriel Gabrielle Gaël Gareth George Georges Gérald Gérard Gilles Giorgia Giovanni Giuseppe " +
  "Grace Greg Grégory Guillaume Gustavo Hannah Hans Harry Hassan Hélène Henri Henry Hervé Hugo Hussein " +
  "Ibrahim Igor Ilham Inès Ingrid Irina Isabel Isabelle Ivan Jack Jacques James Jane Janet Jason Javier " +
  "Jean Jean-Claude Jean-François Jean-Luc Jean-Marc Jean-Marie Jean-Michel Jean-Paul Jean-Pierre " +
  "Jeff Jennifer Jérôme Jessica Jim Joachim Joan Joe Johan John Jonas Jonathan Jordan Jorge José Joseph " +
  "Joshua Juan Judith Julia Julian Julie Julien Juliette Justin Kamala Karen Karim Karl Kate Katherine " +
  "Keir Kevin Khaled Kim Klaus Laura Laurence Laurent Lea Léa Leila Leïla Leo Léo Léon Leonardo Liam " +
  "Linda Lisa Liz Louis Louise Luc Luca Lucas Lucie Luis Luiz Lukas Luke Manuel Marc Marcel Marco Margaret " +
  "Maria Marie Marina Marine Mario Mark Marta Martin Mary Mathieu Matteo Matthew Matthias Maxime Mehdi " +
  "Michael Michel Michelle Miguel Mike Mohamed Mohammed Muhammad Nadia Nancy Natalie Nathalie Nicolas " +
  "Nicola Nicole Nina Noah Olaf Olga Olivier Omar Pablo Pascal Patricia Patrick Paul Paula Pedro Peter " +
  "Philippe Pierre Rachel Rachida Rafael Raphaël Raúl Rebecca Richard Rishi Robert Roberto Romain Ron " +
  "Rose Ruth Ryan Sabine Sam Samuel Sandra Sara Sarah Sébastien Sergei Sergey Serge Simon Simone Sophie " +
  "Stefan Stéphane Stephen Steve Steven Susan Sylvie Thierry Thomas Tim Timothy Tom Tony Ursula Valérie " +
  "Vanessa Victor Vincent Viktor Vladimir Volodymyr Walter Wei William Xavier Xi Yann Yannick Yasmine " +
  "Youssef Yves Zoé"
).split(" ");
