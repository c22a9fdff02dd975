/**
 * French word lists for the fact rules. Plain space-separated strings keep the data compact and
 * easy to review; `lexicon.ts` folds them into Sets once, at module load.
 */
import type { LexiconData } from "./lexicon.js";

export const FR: LexiconData = {
  roles:
    "président présidente vice-président vice-présidente ministre pdg directeur directrice dg " +
    "secrétaire porte-parole chef cheffe patron patronne fondateur fondatrice cofondateur cofondatrice " +
    "gouverneur gouverneure maire député députée sénateur sénatrice juge procureur procureure avocat avocate " +
    "roi reine pape prince princesse cardinal archevêque évêque imam rabbin chancelier chancelière " +
    "commissaire ambassadeur ambassadrice général générale colonel capitaine entraîneur entraîneuse " +
    "sélectionneur sélectionneuse joueur joueuse attaquant attaquante gardien milieu défenseur " +
    "économiste analyste chercheur chercheuse professeur professeure docteur médecin " +
    "cinéaste réalisateur réalisatrice actrice acteur chanteur chanteuse écrivain écrivaine auteur autrice " +
    "journaliste gérant gérante administrateur administratrice responsable dirigeant dirigeante " +
    "conseiller conseillère assistant assistante délégué déléguée pionnier pionnière leader " +
    "militant militante syndicaliste opposant opposante candidat candidate élu élue préfet préfète " +
    "coureur coureuse champion championne présentateur présentatrice directeur-général ingénieur " +
    "négociateur négociatrice émir cheikh monarque dictateur numéro",
  roleModifiers:
    "premier première général générale délégué déléguée adjoint adjointe ancien ancienne nouveau nouvelle " +
    "exécutif exécutive spécial spéciale régional régionale national nationale principal principale " +
    "intérimaire élu élue sortant sortante désigné désignée en exercice",
  honorifics: "m mme mmes mlle me dr pr mgr",
  orgHeads:
    "fonds banque bureau organisation commission conseil ministère agence autorité cour tribunal " +
    "parlement assemblée sénat université institut office observatoire société groupe fédération " +
    "union comité parti mouvement syndicat association fondation confédération chambre caisse " +
    "compagnie centre haut-commissariat haute conférence direction inspection régie établissement " +
    "laboratoire école académie alliance front rassemblement coalition ligue réserve théâtre opéra " +
    "opéras musée orchestre conservatoire philharmonie",
  orgCues:
    "groupe société entreprise start-up startup constructeur fabricant opérateur assureur banque fonds " +
    "géant quotidien journal hebdomadaire magazine revue chaîne radio syndicat association parti club " +
    "équipe compagnie laboratoire cabinet firme enseigne distributeur transporteur plateforme " +
    "éditeur industriel armateur brasseur chimiste pétrolier gestionnaire spécialiste leader concurrent rival",
  orgComplements:
    "santé commerce comptes travail environnement énergie finances économie agriculture intérieur " +
    "justice défense culture éducation transports sécurité développement recherche statistique " +
    "statistiques consommateurs affaires emploi solidarité armées industrie numérique sport sports " +
    "jeunesse logement notariat concurrence régulation marchés migrations réfugiés paix alimentation " +
    "commerce télécommunications communications météorologie innovation appel cassation assises prud'hommes",
  placeCues: "à près vers depuis sud nord est ouest",
  placeNouns:
    "place rue avenue boulevard pont quai parc jardin stade palais château gare aéroport port île lac mont " +
    "fleuve rivière mer océan golfe baie cathédrale basilique église chapelle butte vallée plaine massif " +
    "autoroute route quartier région département province commune ville village canton comté état " +
    "centrale usine usines site",
  stopCaps:
    "selon lors cependant toutefois pourtant ainsi alors enfin hier demain aujourd'hui mais et ou donc " +
    "car plus moins dans pour par avec sans sous sur chez depuis pendant après avant entre malgré outre " +
    "face grâce faute cette cet ce ces cela ceci celui celle mardi lundi mercredi jeudi vendredi samedi " +
    "dimanche interrogé interrogée invité invitée comme quant déjà encore autre autres certains certaines " +
    "plusieurs chaque tous toutes tout toute aucun aucune nous vous ils elles il elle on je tu un une " +
    "des les le la l du de d au aux son sa ses leur leurs notre nos votre vos mon ma mes cinq six sept huit " +
    "neuf dix deux trois quatre premier première dernier dernière prochain prochaine nouveau nouvelle " +
    "grand grande petit petite haut haute bas basse",
  months:
    "janvier:1 janv:1 février:2 fevrier:2 févr:2 fév:2 mars:3 avril:4 avr:4 mai:5 juin:6 juillet:7 " +
    "juil:7 août:8 aout:8 septembre:9 sept:9 octobre:10 oct:10 novembre:11 nov:11 décembre:12 déc:12",
  weekdays: "dimanche:0 lundi:1 mardi:2 mercredi:3 jeudi:4 vendredi:5 samedi:6",
  timeUnits:
    "an ans année années mois semaine semaines jour jours heure heures h minute minutes min seconde " +
    "secondes fois siècle siècles décennie décennies trimestre trimestres reprises reprise tour tours",
  numberWords:
    "un:1 une:1 deux:2 trois:3 quatre:4 cinq:5 six:6 sept:7 huit:8 neuf:9 dix:10 vingt:20 cent:100",
  demonyms:
    "français française françaises américain américaine américains allemand allemande allemands " +
    "britannique britanniques anglais anglaise espagnol espagnole italien italienne chinois chinoise " +
    "japonais japonaise russe russes ukrainien ukrainienne belge belges suisse suisses canadien canadienne " +
    "norvégien norvégienne danois danoise suédois suédoise finlandais néerlandais néerlandaise " +
    "autrichien autrichienne polonais polonaise portugais portugaise grec grecque turc turque iranien " +
    "iranienne israélien israélienne palestinien palestinienne libanais libanaise syrien syrienne " +
    "égyptien égyptienne marocain marocaine algérien algérienne tunisien tunisienne sénégalais " +
    "ivoirien ivoirienne malien malienne nigérian nigériane kényan kényane sud-africain sud-africaine " +
    "brésilien brésilienne argentin argentine mexicain mexicaine colombien colombienne chilien chilienne " +
    "péruvien péruvienne vénézuélien indien indienne pakistanais pakistanaise salvadorien salvadorienne " +
    "slovène slovaque tchèque hongrois hongroise roumain roumaine bulgare serbe croate irlandais irlandaise " +
    "écossais écossaise gallois australien australienne néo-zélandais coréen coréenne sud-coréen " +
    "vietnamien vietnamienne thaïlandais thaïlandaise indonésien indonésienne philippin saoudien " +
    "saoudienne qatari émirati européen européenne européens africain africaine asiatique tanzanien " +
    "tanzanienne ougandais rwandais éthiopien nigérien congolais camerounais irakien irakienne afghan " +
    "afghane jordanien jordanienne yéménite soudanais somalien libyen libyenne cubain cubaine haïtien " +
    "haïtienne koweïtien émirien",
  futureMarkers:
    "doit doivent devra devront devrait devraient va vont prochain prochaine prochains prochaines " +
    "prévu prévue prévus prévues sera seront aura auront pourra pourront pourrait pourraient recevra compte " +
    "entend attend jusqu'à jusqu'au",
  // stem:kind, as in lexicon-en.ts: the same codes, said in the reader's language by /facts; no kind
  // where the verb alone cannot tell ("relevé", "remporté", "fermé", "condamné" une attaque).
  eventVerbs:
    "sign:signing conclu:agreement accord:agreement annonc:announcement lanc:launch adopt:adoption vot:vote " +
    "approuv:approval ratifi:ratification élu:election elu:election nomm:appointment rachet:acquisition " +
    "rachat:acquisition acqui:acquisition fusionn:merger inaugur:inauguration rouv:reopening ferm: " +
    "suppr: licenci:layoffs condamn: démission:resignation remport: " +
    "gagn: battu: abaiss:cut relev: baiss:fall recul:fall chut:fall " +
    "augment:rise grimp:rise atteint: dépass: bloqu: frapp: " +
    "tu:toll décid:decision renvers: censur: lev: investi: " +
    "commande:order command: arrêt: interdi:ban " +
    "autoris:authorisation promulgu:enactment publi:publication ouvr: élev:",
};
