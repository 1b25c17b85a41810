// Hand-written gazetteer additions (written by hand for this project, not copied from any data set):
// names and words that compromise's lexicon lacks or mis-types for international news.

/** Organisations and agencies (lower case) → canonical display name. */
export const ORGANIZATIONS: Record<string, string> = {
  'un': 'United Nations', 'united nations': 'United Nations', 'u.n.': 'United Nations',
  'nato': 'NATO', 'eu': 'European Union', 'european union': 'European Union', 'e.u.': 'European Union',
  'cia': 'CIA', 'central intelligence agency': 'CIA', 'fbi': 'FBI', 'nsa': 'NSA', 'pentagon': 'Pentagon',
  'kremlin': 'Kremlin', 'white house': 'White House', 'congress': 'Congress', 'senate': 'Senate',
  'state department': 'State Department', 'department of state': 'State Department',
  'national security council': 'National Security Council', 'irgc': 'IRGC',
  'revolutionary guards': 'Revolutionary Guards', 'revolutionary guard': 'Revolutionary Guards',
  'cnn': 'CNN', 'bbc': 'BBC', 'reuters': 'Reuters', 'ap': 'Associated Press', 'associated press': 'Associated Press',
  'afp': 'AFP', 'agence france-presse': 'AFP', 'bloomberg': 'Bloomberg', 'fox news': 'Fox News', 'msnbc': 'MSNBC',
  'nbc': 'NBC', 'abc': 'ABC', 'cbs': 'CBS', 'npr': 'NPR', 'politico': 'Politico', 'breitbart': 'Breitbart',
  'new york times': 'New York Times', 'washington post': 'Washington Post', 'wall street journal': 'Wall Street Journal',
  'times of israel': 'Times of Israel', 'guardian': 'Guardian', 'tass': 'TASS', 'irna': 'IRNA', 'xinhua': 'Xinhua',
  'imf': 'IMF', 'world bank': 'World Bank', 'opec': 'OPEC', 'iaea': 'IAEA', 'interpol': 'Interpol',
  'red cross': 'Red Cross', 'hamas': 'Hamas', 'hezbollah': 'Hezbollah', 'taliban': 'Taliban', 'isis': 'ISIS',
  'islamic state': 'Islamic State', 'al qaeda': 'al Qaeda', 'secret service': 'Secret Service', 'nypd': 'NYPD',
  'lapd': 'LAPD', 'supreme court': 'Supreme Court', 'house of representatives': 'House of Representatives',
  'democratic party': 'Democratic Party', 'republican party': 'Republican Party', 'gop': 'GOP', 'dnc': 'DNC',
  'rnc': 'RNC', 'biden administration': 'Biden administration', 'trump administration': 'Trump administration',
  'obama administration': 'Obama administration', 'defense department': 'Pentagon', 'justice department': 'Justice Department',
  'mossad': 'Mossad', 'fsb': 'FSB', 'gru': 'GRU', 'wagner': 'Wagner Group', 'wagner group': 'Wagner Group',
  'security council': 'Security Council', 'google': 'Google', 'facebook': 'Facebook', 'twitter': 'Twitter',
  'microsoft': 'Microsoft', 'amazon': 'Amazon', 'apple': 'Apple', 'tesla': 'Tesla', 'boeing': 'Boeing',
  'lockheed martin': 'Lockheed Martin', 'raytheon': 'Raytheon', 'clinton foundation': 'Clinton Foundation',
  'fed': 'Federal Reserve', 'federal reserve': 'Federal Reserve', 'sec': 'SEC', 'ntsb': 'NTSB', 'faa': 'FAA',
};

/** Places missing from compromise's lexicon (capitals, regions in the news) → canonical display name. */
export const PLACES: Record<string, string> = {
  'us': 'United States', 'u.s.': 'United States', 'usa': 'United States', 'u.s.a.': 'United States',
  'united states': 'United States', 'america': 'United States', 'uk': 'United Kingdom', 'u.k.': 'United Kingdom',
  'britain': 'United Kingdom', 'great britain': 'United Kingdom', 'united kingdom': 'United Kingdom',
  'tehran': 'Tehran', 'kyiv': 'Kyiv', 'kiev': 'Kyiv', 'moscow': 'Moscow', 'washington': 'Washington',
  'beijing': 'Beijing', 'kashan': 'Kashan', 'aspen': 'Aspen', 'colorado': 'Colorado', 'middle east': 'Middle East',
  'gaza': 'Gaza', 'west bank': 'West Bank', 'crimea': 'Crimea', 'donbas': 'Donbas', 'donbass': 'Donbas',
  'kharkiv': 'Kharkiv', 'odesa': 'Odesa', 'odessa': 'Odesa', 'mariupol': 'Mariupol', 'lviv': 'Lviv',
  'kherson': 'Kherson', 'donetsk': 'Donetsk', 'luhansk': 'Luhansk', 'zaporizhzhia': 'Zaporizhzhia',
  'ground zero': 'Ground Zero', 'wall street': 'Wall Street', 'silicon valley': 'Silicon Valley',
  'europe': 'Europe', 'asia': 'Asia', 'africa': 'Africa', 'latin america': 'Latin America', 'gulf': 'Gulf',
  'persian gulf': 'Persian Gulf', 'black sea': 'Black Sea', 'taiwan': 'Taiwan', 'israel': 'Israel',
  'iran': 'Iran', 'russia': 'Russia', 'ukraine': 'Ukraine', 'syria': 'Syria', 'turkey': 'Turkey',
  'new york': 'New York', 'los angeles': 'Los Angeles', 'new hampshire': 'New Hampshire', 'ohio': 'Ohio',
  'iowa': 'Iowa', 'florida': 'Florida', 'pennsylvania': 'Pennsylvania', 'north carolina': 'North Carolina',
  'islamic republic': 'Iran', 'charlotte': 'Charlotte', 'manhattan': 'Manhattan', 'jerusalem': 'Jerusalem', 'riyadh': 'Riyadh',
};

/** Weapons and products known by a bare name (lower case) → display name. Patterned names such as
 * "Shahed-191" or "F-16" are caught by a rule instead (see entities/typing.ts). */
export const PRODUCTS: Record<string, string> = {
  'bayraktar': 'Bayraktar', 'himars': 'HIMARS', 'javelin': 'Javelin', 'javelins': 'Javelin', 'stinger': 'Stinger',
  'stingers': 'Stinger', 'gray eagle': 'Gray Eagle', 'grey eagle': 'Gray Eagle', 'switchblade': 'Switchblade',
  'iskander': 'Iskander', 'kalibr': 'Kalibr', 'kinzhal': 'Kinzhal', 'patriot': 'Patriot', 'reaper': 'Reaper',
  'predator': 'Predator', 'shahed': 'Shahed', 'lancet': 'Lancet', 'leopard': 'Leopard', 'abrams': 'Abrams',
  'iphone': 'iPhone', 'ipad': 'iPad', 'android': 'Android', 'windows': 'Windows', 'chatgpt': 'ChatGPT',
};

/** Heads of role/title phrases that compromise's `Actor` list lacks or that news use as titles. */
export const TITLE_HEADS = [
  'adviser', 'advisor', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'minister', 'president',
  'secretary', 'chief', 'leader', 'chairman', 'chairwoman', 'chair', 'ceo', 'cfo', 'governor', 'senator', 'sen.',
  'rep.', 'representative', 'ambassador', 'envoy', 'general', 'gen.', 'commander', 'official', 'head', 'premier',
  'king', 'queen', 'prince', 'princess', 'ayatollah', 'mayor', 'judge', 'attorney', 'lawyer', 'analyst', 'expert',
  'professor', 'prof.', 'correspondent', 'reporter', 'editor', 'candidate', 'nominee', 'founder', 'manager',
  'officer', 'lt.', 'col.', 'colonel', 'admiral', 'adm.', 'sgt.', 'sergeant', 'captain', 'capt.', 'major',
  'dr.', 'pope', 'counterpart', 'strategist', 'surrogate', 'aide', 'deputy', 'speaker', 'lawmaker', 'congressman',
  'congresswoman', 'whip', 'chancellor', 'diplomat', 'negotiator', 'researcher', 'economist', 'pollster',
  'coordinator', 'prosecutor', 'sheriff', 'commissioner', 'treasurer', 'vice', 'mr.', 'mrs.', 'ms.', 'emir',
  'sheikh', 'sultan', 'cardinal', 'bishop', 'rabbi', 'imam', 'justice', 'mp', 'lt', 'gen', 'sen', 'rep', 'dr',
  'engineer', 'scientist', 'witness', 'resident', 'physician', 'doctor', 'nurse', 'teacher', 'student',
];

/** Honorifics: a following capitalised name is a person. */
export const HONORIFICS = ['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'ayatollah', 'sheikh'];

/** Last words of organisation names. */
export const ORG_SUFFIXES = [
  'inc', 'inc.', 'corp', 'corp.', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'agency', 'council', 'ministry', 'department',
  'committee', 'party', 'army', 'force', 'forces', 'navy', 'university', 'college', 'bank', 'times', 'post', 'news',
  'court', 'commission', 'union', 'association', 'institute', 'foundation', 'group', 'company', 'administration',
  'guard', 'guards', 'corps', 'office', 'parliament', 'assembly', 'senate', 'bureau', 'service', 'network',
  'journal', 'press', 'tribune', 'herald', 'telegraph', 'airlines', 'airways', 'industries', 'organization',
  'organisation', 'campaign', 'club', 'center', 'centre', 'fund', 'board', 'authority', 'police', 'school',
  'church', 'coalition', 'alliance', 'federation', 'front', 'movement', 'brigade', 'battalion', 'regiment',
];

/** Last words that make a name a place ("Kashan Airfield", "Aspen Valley"), and lower-case place nouns that
 * may follow a name and join it ("the Kashan airfield", "Idlib province"). */
export const PLACE_SUFFIXES = [
  'airfield', 'airport', 'airbase', 'base', 'province', 'region', 'district', 'county', 'city', 'state', 'island',
  'islands', 'river', 'sea', 'ocean', 'mountains', 'mountain', 'valley', 'lake', 'bay', 'strait', 'peninsula',
  'street', 'square', 'avenue', 'road', 'port', 'harbor', 'harbour', 'oblast', 'governorate', 'village', 'town',
  'desert', 'gulf', 'coast', 'park', 'plant', 'airstrip', 'border', 'crossing', 'bridge', 'canal', 'heights',
];

/** Capitalised words that start sentences or headings but are never names on their own. */
export const NOT_NAMES = [
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her',
  'their', 'our', 'my', 'its', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'as', 'in', 'on', 'at',
  'for', 'with', 'from', 'by', 'to', 'of', 'per', 'meanwhile', 'however', 'additionally', 'also', 'last', 'next',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'uav', 'uavs', 'tv', 'gdp', 'am', 'pm', 'ok',
  'covid', 'covid-19', 'read', 'click', 'watch', 'photo', 'video', 'image', 'advertisement', 'related', 'update',
  'according', 'during', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'so', 'now', 'today', 'yesterday',
  'tomorrow', 'both', 'all', 'some', 'many', 'most', 'no', 'not', 'yes', 'unlike',
  'ad-free', 'mr', 'mrs', 'ms', 'dr', 'st', 'said', 'says', 'do', 'thats', 'were', 'once', 'since', 'until',
  'then', 'still', 'even', 'just', 'only', 'other', 'another', 'such', 'each', 'every', 'former', 'new', 'old',
];

/** Lower-case place nouns that join a preceding name into one place ("the Kashan airfield", "Idlib province");
 * narrower than PLACE_SUFFIXES because "Iran state TV" or "Kyiv city council" must not become places. */
export const PLACE_NOUNS_AFTER = [
  'airfield', 'airport', 'airbase', 'airstrip', 'province', 'region', 'district', 'county', 'oblast', 'governorate',
  'river', 'valley', 'mountains', 'peninsula', 'desert', 'strait',
];
