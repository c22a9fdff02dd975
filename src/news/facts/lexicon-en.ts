/**
 * English word lists for the fact rules, in the same shape as `lexicon-fr.ts`.
 */
import type { LexiconData } from "./lexicon.js";

export const EN: LexiconData = {
  roles:
    "president vice-president minister secretary ceo cfo coo cto chairman chairwoman chair chief head " +
    "director executive founder co-founder cofounder spokesman spokeswoman spokesperson governor mayor " +
    "senator congressman congresswoman representative lawmaker judge prosecutor attorney lawyer king queen " +
    "pope prince princess cardinal archbishop bishop chancellor commissioner ambassador general colonel " +
    "captain coach manager striker midfielder goalkeeper defender forward substitute player economist " +
    "analyst researcher professor doctor scientist author filmmaker director actor actress singer writer " +
    "journalist editor leader co-leader delegate envoy negotiator official officer adviser advisor " +
    "candidate chancellor premier treasurer president-elect pioneer activist emir sheikh monarch dictator " +
    "boss owner partner strategist banker investor trader",
  roleModifiers:
    "prime deputy vice former acting interim senior junior lead chief executive general foreign finance " +
    "interior defence defense transport trade health energy home special regional national new outgoing " +
    "incoming designate managing assistant associate principal group party opposition",
  honorifics: "mr mrs ms miss dr prof sir dame lord lady rev",
  orgHeads:
    "bank fund council bureau commission ministry department agency authority court tribunal parliament " +
    "assembly senate university institute office observatory society group federation union committee " +
    "party movement association foundation confederation chamber company corporation alliance front league " +
    "administration service board centre center school academy port theatre theater opera museum orchestra",
  orgCues:
    "company firm startup start-up group bank lender insurer carmaker automaker drugmaker chipmaker " +
    "airline retailer fund regulator provider operator broker exchange newspaper journal magazine " +
    "broadcaster channel union party club team rival maker manufacturer giant conglomerate developer studio " +
    "agency publisher producer supplier utility miner shipper brewer platform outlet tabloid daily",
  orgComplements: "",
  placeCues: "in near outside across throughout",
  placeNouns: "",
  stopCaps:
    "the a an this that these those it its he she they we i you in on at as but and or so his her their " +
    "our my after before for however meanwhile yet when while if then now also according despite during " +
    "since until with without about against among between from into over under through by of to up " +
    "nearly about some many most more less few several all both each every other another such no not " +
    "asked speaking monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow " +
    "last next first second third new former later earlier there here what who which where why how " +
    "thousands hundreds dozens millions",
  months:
    "january:1 jan:1 february:2 feb:2 march:3 mar:3 april:4 apr:4 may:5 june:6 jun:6 july:7 jul:7 " +
    "august:8 aug:8 september:9 sept:9 sep:9 october:10 oct:10 november:11 nov:11 december:12 dec:12",
  weekdays: "sunday:0 monday:1 tuesday:2 wednesday:3 thursday:4 friday:5 saturday:6",
  timeUnits:
    "year years month months week weeks day days hour hours minute minutes min second seconds times " +
    "century centuries decade decades quarter quarters storey story storeys stories",
  numberWords:
    "a:1 an:1 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 twenty:20 hundred:100",
  demonyms:
    "french american german british english spanish italian chinese japanese russian ukrainian belgian " +
    "swiss canadian norwegian danish swedish finnish dutch austrian polish portuguese greek turkish iranian " +
    "israeli palestinian lebanese syrian egyptian moroccan algerian tunisian senegalese nigerian kenyan " +
    "brazilian argentine argentinian mexican colombian chilean peruvian venezuelan indian pakistani " +
    "salvadoran slovenian slovak czech hungarian romanian bulgarian serbian croatian irish scottish welsh " +
    "australian korean vietnamese thai indonesian filipino saudi qatari emirati european african asian " +
    "tanzanian ugandan rwandan ethiopian congolese taiwanese singaporean thai latin arab iraqi afghan " +
    "jordanian yemeni sudanese somali libyan cuban haitian kuwaiti",
  futureMarkers: "will would 'll shall could might next upcoming due scheduled expected plans planned until",
  // stem:kind; the kind is a code the /facts command says in the reader's language (commands/
  // facts.words.ts). A verb whose kind the words alone cannot tell ("raised" money or rates, "won"
  // a match or an auction, "closing" price) is still an event verb, with no kind: no label beats a
  // wrong one.
  eventVerbs:
    "sign:signing signed:signing agree:agreement agreed:agreement announc:announcement launch:launch " +
    "adopt:adoption vote:vote voted:vote approv:approval ratif:ratification elect: elected:election " +
    "appoint:appointment acquir:acquisition buy:acquisition bought:acquisition merg:merger open: clos: " +
    "cut:cut cuts:cut rais: lower:cut hike:rise decid:decision arrest:arrest charg: " +
    "sentenc:sentence convict:conviction resign:resignation win: won: beat: " +
    "struck: strike: kill:toll evacuat:evacuation forc: ban:ban invest:investment " +
    "unveil:unveiling releas: fined:fine fine: deliver: sworn:swearing-in " +
    "ordered:order order: placed:order develop: handl: fell:fall rose:rise " +
    "drop:fall slump:fall jump:rise surg:rise reach: block: topple:overthrow " +
    "overturn:reversal hit: destroy:disaster collaps:",
};
