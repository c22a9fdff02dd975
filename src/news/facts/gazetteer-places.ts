/**
 * Place names in French and English, one per line group, "|" between entries. Longer than the
 * house ~300-line guide in spirit only: it is data, reviewed as lists, folded into a Set at load.
 * Countries (with common short forms), capitals, large cities, French regions and the departments
 * most often in the news, US states, continents, seas and a few landmarks.
 */
export const PLACE_NAMES = [
  // Countries, English
  "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|" +
    "Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|" +
    "Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|" +
    "Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|" +
    "Djibouti|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|" +
    "Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|" +
    "Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|" +
    "Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|" +
    "Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|" +
    "Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nepal|Netherlands|" +
    "New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|" +
    "Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|" +
    "Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|" +
    "South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|" +
    "Thailand|Togo|Tunisia|Turkey|Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|" +
    "United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|United States|" +
    "United States of America|USA|US|U.S|America|Uruguay|Uzbekistan|Vatican|Venezuela|Vietnam|Yemen|" +
    "Zambia|Zimbabwe|Greenland|Puerto Rico|Hong Kong|Macau|Gaza|West Bank|Crimea|Donbas|Kashmir|Tibet|" +
    "French Guiana|Guadeloupe|Martinique|Reunion|Mayotte|New Caledonia|Tahiti|Corsica",
  // Countries and territories, French
  "Afrique du Sud|Albanie|Algérie|Allemagne|Andorre|Arabie saoudite|Argentine|Arménie|Australie|Autriche|" +
    "Azerbaïdjan|Bahreïn|Belgique|Biélorussie|Bélarus|Bénin|Bhoutan|Birmanie|Bolivie|Bosnie|Bosnie-Herzégovine|" +
    "Brésil|Bulgarie|Burkina|Cambodge|Cameroun|Cap-Vert|Centrafrique|Chili|Chine|Chypre|Colombie|Comores|" +
    "Corée du Nord|Corée du Sud|Côte d'Ivoire|Croatie|Danemark|Égypte|Émirats arabes unis|Équateur|Érythrée|" +
    "Espagne|Estonie|États-Unis|Etats-Unis|Éthiopie|Finlande|Gambie|Géorgie|Grèce|Guinée|Guyane|Haïti|" +
    "Hongrie|Inde|Indonésie|Irak|Iraq|Irlande|Islande|Israël|Italie|Jamaïque|Japon|Jordanie|Koweït|" +
    "Lettonie|Liban|Libye|Lituanie|Macédoine du Nord|Malaisie|Maroc|Maurice|Mauritanie|Mexique|Moldavie|" +
    "Mongolie|Monténégro|Mozambique|Namibie|Népal|Nigeria|Nigéria|Norvège|Nouvelle-Zélande|Nouvelle-Calédonie|" +
    "Ouganda|Ouzbékistan|Palestine|Papouasie-Nouvelle-Guinée|Paraguay|Pays-Bas|Pérou|Philippines|Pologne|" +
    "Porto Rico|Qatar|République tchèque|Tchéquie|République démocratique du Congo|RDC|Roumanie|Royaume-Uni|" +
    "Angleterre|Écosse|Pays de Galles|Irlande du Nord|Russie|Salvador|Sénégal|Serbie|Singapour|Slovaquie|" +
    "Slovénie|Somalie|Soudan|Soudan du Sud|Suède|Suisse|Syrie|Tadjikistan|Taïwan|Tanzanie|Tchad|Thaïlande|" +
    "Tunisie|Turquie|Ukraine|Uruguay|Vatican|Venezuela|Viêt Nam|Vietnam|Yémen|Zambie|Zimbabwe|Groenland|" +
    "Cisjordanie|Crimée|Cachemire|Corse|Réunion|La Réunion",
  // Capitals and large cities (names shared by both languages once)
  "Abidjan|Abu Dhabi|Abuja|Accra|Addis Ababa|Addis-Abeba|Alger|Algiers|Amman|Amsterdam|Ankara|Antananarivo|" +
    "Astana|Asuncion|Asunción|Athens|Athènes|Baghdad|Bagdad|Baku|Bakou|Bamako|Bangkok|Bangui|Beijing|Pékin|" +
    "Beirut|Beyrouth|Belgrade|Berlin|Bern|Berne|Bishkek|Bogota|Bogotá|Brasilia|Brasília|Bratislava|" +
    "Brazzaville|Brussels|Bruxelles|Bucharest|Bucarest|Budapest|Buenos Aires|Cairo|Le Caire|Canberra|Caracas|" +
    "Chisinau|Colombo|Conakry|Copenhagen|Copenhague|Dakar|Damascus|Damas|Dhaka|Doha|Dodoma|Dublin|Dushanbe|" +
    "Freetown|Gaborone|Hanoi|Harare|Havana|La Havane|Helsinki|Islamabad|Jakarta|Jerusalem|Jérusalem|Juba|" +
    "Kabul|Kaboul|Kampala|Kathmandu|Katmandou|Khartoum|Kyiv|Kiev|Kigali|Kinshasa|Kuala Lumpur|Kuwait City|" +
    "La Paz|Libreville|Lilongwe|Lima|Lisbon|Lisbonne|Ljubljana|Lomé|London|Londres|Luanda|Lusaka|Madrid|" +
    "Malabo|Managua|Manama|Manila|Manille|Maputo|Maseru|Mexico City|Minsk|Mogadishu|Mogadiscio|Monrovia|" +
    "Montevideo|Moroni|Moscow|Moscou|Muscat|Mascate|Nairobi|Nassau|Naypyidaw|Naypyitaw|N'Djamena|New Delhi|" +
    "Niamey|Nicosia|Nicosie|Nouakchott|Oslo|Ottawa|Ouagadougou|Panama City|Paramaribo|Paris|Phnom Penh|" +
    "Podgorica|Port-au-Prince|Port Moresby|Prague|Pretoria|Pristina|Pyongyang|Quito|Rabat|Reykjavik|Riga|" +
    "Riyadh|Riyad|Rome|San José|San Salvador|Santiago|Santo Domingo|Sarajevo|Seoul|Séoul|Skopje|Sofia|Sofia|" +
    "Stockholm|Sucre|Suva|Taipei|Tallinn|Tashkent|Tbilisi|Tegucigalpa|Tehran|Téhéran|Thimphu|Tirana|Tokyo|" +
    "Tripoli|Tunis|Ulaanbaatar|Vaduz|Valletta|Vienna|Vienne|Vientiane|Vilnius|Warsaw|Varsovie|Washington|" +
    "Wellington|Windhoek|Yamoussoukro|Yaoundé|Yerevan|Erevan|Zagreb|" +
    "New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|Austin|" +
    "San Francisco|Seattle|Boston|Miami|Atlanta|Denver|Detroit|Las Vegas|New Orleans|Silicon Valley|" +
    "Toronto|Montreal|Montréal|Vancouver|Quebec|Québec|Calgary|Sydney|Melbourne|Brisbane|Perth|Auckland|" +
    "Shanghai|Shenzhen|Guangzhou|Canton|Wuhan|Chengdu|Tianjin|Osaka|Kyoto|Mumbai|Bombay|Bangalore|Chennai|" +
    "Kolkata|Karachi|Lahore|Dubai|Dubaï|Istanbul|Tel Aviv|Jeddah|Djeddah|Mecca|La Mecque|Ho Chi Minh City|" +
    "Lagos|Kano|Johannesburg|Cape Town|Le Cap|Durban|Casablanca|Marrakech|Tangier|Tanger|Alexandria|Alexandrie|" +
    "Mombasa|Dar es Salaam|Kaduna|São Paulo|Sao Paulo|Rio de Janeiro|Belém|Córdoba|Medellín|Guadalajara|" +
    "Manchester|Birmingham|Liverpool|Leeds|Sheffield|Glasgow|Edinburgh|Édimbourg|Bristol|Cardiff|Belfast|" +
    "Hamburg|Hambourg|Munich|Cologne|Frankfurt|Francfort|Stuttgart|Düsseldorf|Dresden|Leipzig|Milan|Naples|" +
    "Turin|Florence|Venice|Venise|Genoa|Gênes|Bologna|Bologne|Palermo|Palerme|Barcelona|Barcelone|Valencia|" +
    "Seville|Séville|Bilbao|Malaga|Porto|Rotterdam|Antwerp|Anvers|Ghent|Gand|Liège|Geneva|Genève|Zurich|" +
    "Basel|Bâle|Lausanne|Gothenburg|Göteborg|Bergen|Trondheim|Krakow|Cracovie|Gdansk|St Petersburg|" +
    "Saint-Pétersbourg|Odesa|Odessa|Kharkiv|Mariupol|Minneapolis|Strasbourg|Davos|Luxembourg City",
  // France: cities, regions, departments often in the news
  "Lyon|Marseille|Toulouse|Nice|Nantes|Montpellier|Bordeaux|Lille|Rennes|Reims|Le Havre|Saint-Étienne|" +
    "Toulon|Grenoble|Dijon|Angers|Nîmes|Villeurbanne|Clermont-Ferrand|Le Mans|Aix-en-Provence|Brest|Tours|" +
    "Amiens|Limoges|Annecy|Perpignan|Metz|Besançon|Orléans|Rouen|Mulhouse|Caen|Nancy|Avignon|Poitiers|" +
    "La Rochelle|Calais|Dunkerque|Bayonne|Pau|Cannes|Ajaccio|Bastia|Vannes|Lorient|Quimper|Saint-Nazaire|" +
    "Cherbourg|Lourdes|Chamonix|Versailles|Saint-Denis|Nanterre|Créteil|Bobigny|Argenteuil|Montreuil|" +
    "Île-de-France|Ile-de-France|Hauts-de-France|Normandie|Bretagne|Pays de la Loire|Centre-Val de Loire|" +
    "Bourgogne-Franche-Comté|Grand Est|Nouvelle-Aquitaine|Occitanie|Auvergne-Rhône-Alpes|Auvergne|" +
    "Provence-Alpes-Côte d'Azur|Provence|Côte d'Azur|Alsace|Lorraine|Champagne|Savoie|Haute-Savoie|Gironde|" +
    "Bouches-du-Rhône|Rhône|Nord|Pas-de-Calais|Seine-Saint-Denis|Val-de-Marne|Hauts-de-Seine|Essonne|" +
    "Yvelines|Val-d'Oise|Seine-et-Marne|Loire-Atlantique|Finistère|Morbihan|Ille-et-Vilaine|Maine-et-Loire|" +
    "Haute-Garonne|Hérault|Gard|Var|Alpes-Maritimes|Isère|Drôme|Ardèche|Vendée|Charente-Maritime|Landes|" +
    "Pyrénées-Atlantiques|Puy-de-Dôme|Moselle|Bas-Rhin|Haut-Rhin|Somme|Oise|Aisne|Marne|Loiret|Calvados|" +
    "Manche|Bretagne|Montmartre|Champs-Élysées|Champs-Elysées|La Défense|Marais|Camargue|Alpes|Pyrénées|" +
    "Massif central|Jura|Vosges|Loire|Seine|Garonne",
  // US states and other regions
  "California|Californie|Texas|Florida|Floride|New York State|Illinois|Pennsylvania|Pennsylvanie|Ohio|" +
    "Michigan|Georgia|North Carolina|Caroline du Nord|South Carolina|Virginia|Virginie|Arizona|Nevada|" +
    "Colorado|Washington State|Oregon|Massachusetts|New Jersey|Maryland|Minnesota|Wisconsin|Missouri|" +
    "Tennessee|Kentucky|Louisiana|Louisiane|Alabama|Mississippi|Oklahoma|Utah|Iowa|Kansas|Nebraska|Alaska|" +
    "Hawaii|Hawaï|Montana|Idaho|Wyoming|Vermont|Maine|Connecticut|Delaware|Arkansas|New Mexico|" +
    "Ontario|Alberta|British Columbia|Colombie-Britannique|Bavaria|Bavière|Catalonia|Catalogne|" +
    "Andalusia|Andalousie|Lombardy|Lombardie|Sicily|Sicile|Sardinia|Sardaigne|Flanders|Flandre|Wallonia|" +
    "Wallonie|Siberia|Sibérie|Patagonia|Patagonie|Sahel|Sahara|Darfur|Darfour|Kurdistan|Punjab|Xinjiang|" +
    "Bengal|Balochistan|Yorkshire|Cornwall|Texas Panhandle|Middle East|Moyen-Orient|Proche-Orient|Maghreb|" +
    "Balkans|Scandinavia|Scandinavie|Caucasus|Caucase|Amazonie|Himalaya|Andes|Alps|Rockies",
  // Continents, oceans, seas, celestial bodies, landmarks
  "Europe|Africa|Afrique|Asia|Asie|North America|South America|Latin America|Amérique|Amérique du Nord|" +
    "Amérique du Sud|Amérique latine|Oceania|Océanie|Antarctica|Antarctique|Arctic|Arctique|" +
    "Atlantic|Atlantique|Pacific|Pacifique|Indian Ocean|océan Indien|Mediterranean|Méditerranée|" +
    "Red Sea|mer Rouge|Black Sea|mer Noire|Baltic|Baltique|North Sea|mer du Nord|Caribbean|Caraïbes|" +
    "English Channel|Manche|Persian Gulf|golfe Persique|Gulf of Mexico|golfe du Mexique|Strait of Hormuz|" +
    "détroit d'Ormuz|Suez Canal|canal de Suez|Panama Canal|Moon|Lune|Mars|" +
    "Wall Street|White House|Maison Blanche|Maison-Blanche|Kremlin|Capitol Hill|Downing Street|" +
    "Times Square|Eiffel Tower|tour Eiffel|Notre-Dame|Notre-Dame de Paris|Louvre|Versailles|Élysée|" +
    "Matignon|Westminster|Buckingham Palace|Brandenburg Gate|Sistine Chapel|chapelle Sixtine|" +
    "St Peter's Square|place Saint-Pierre|Mont Blanc|Mont-Blanc|Everest|Mount Everest|Niagara Falls",
].flatMap((group) => group.split("|"));
