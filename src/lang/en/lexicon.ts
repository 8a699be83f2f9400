/**
 * Hand-written English word lists for the rule-based lemmatizer and tagger: closed classes,
 * irregular verbs and nouns, and common open-class words whose suffixes mislead the rules.
 */

/** A closed-class entry: Universal POS, lemma, and extra features. */
export interface ClosedEntry {
  pos: string;
  lemma: string;
  features?: Record<string, string>;
}

function entries(pos: string, words: string, features?: Record<string, string>): [string, ClosedEntry][] {
  return words
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const [form, lemma] = w.split('/') as [string, string | undefined];
      return [form, features ? { pos, lemma: lemma ?? form, features } : { pos, lemma: lemma ?? form }];
    });
}

/** Closed-class words. Later lists override earlier ones for a form in two classes. */
export const CLOSED: ReadonlyMap<string, ClosedEntry> = new Map<string, ClosedEntry>([
  ...entries(
    'ADP',
    `of in on at by for with about against between into through during before after above below to from
     up down over under since until within without among amongst across behind beyond despite toward towards
     upon via amid amidst per near off onto around along alongside beside besides except inside outside
     throughout underneath unlike like versus vs vs. regarding concerning including following beneath
     opposite past till`,
  ),
  ...entries(
    'DET',
    `the a an this that these those every each some any no all both either neither another such what which
     whatever whichever whose my your his her its our their`,
  ),
  ...entries('CCONJ', 'and or but nor plus &'),
  ...entries('SCONJ', 'if because although though while whereas unless whether as once than lest whilst'),
  ...entries(
    'PRON',
    `i/i me/i you he him/he she her/she it we us/we they them/they mine/i yours/you hers/she ours/we
     theirs/they myself/i yourself/you himself/he herself/she itself/it ourselves/we yourselves/you
     themselves/they who whom/who whoever something anything nothing everything someone anyone everyone
     nobody somebody anybody everybody none one's/one oneself/one`,
  ),
  ...entries(
    'ADV',
    `also very too just now then here there already still yet again ever never always often soon later
     however only even ago almost rather quite perhaps instead abroad together away back
     meanwhile moreover furthermore nevertheless nonetheless therefore thus hence otherwise else
     indeed maybe sometimes usually recently currently previously eventually finally immediately
     nearly mostly mainly largely partly roughly approximately reportedly allegedly earlier
     where when why how whenever wherever today tomorrow yesterday tonight overseas afterwards`,
  ),
  ...entries('PART', "not/not n't/not 's"),
  ...entries(
    'NUM',
    `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
     seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
     million billion trillion dozen`,
  ),
  ...entries('INTJ', 'yes oh hello hi ok okay wow please'),
  ...entries('AUX', 'be/be', { verbForm: 'Inf' }),
  ...entries('AUX', 'am/be', { tense: 'pres', person: '1per', number: 'sing', verbForm: 'Fin' }),
  ...entries('AUX', "is/be 's/be", { tense: 'pres', person: '3per', number: 'sing', verbForm: 'Fin' }),
  ...entries('AUX', "are/be 're/be", { tense: 'pres', verbForm: 'Fin' }),
  ...entries('AUX', 'was/be', { tense: 'past', number: 'sing', verbForm: 'Fin' }),
  ...entries('AUX', 'were/be', { tense: 'past', verbForm: 'Fin' }),
  ...entries('AUX', 'been/be', { tense: 'past', verbForm: 'Part' }),
  ...entries('AUX', 'being/be', { verbForm: 'Ger' }),
  ...entries('AUX', "has/have 've/have have/have", { tense: 'pres', verbForm: 'Fin' }),
  ...entries('AUX', "had/have 'd/would", { tense: 'past', verbForm: 'Fin' }),
  ...entries('AUX', 'does/do do/do', { tense: 'pres', verbForm: 'Fin' }),
  ...entries('AUX', 'did/do', { tense: 'past', verbForm: 'Fin' }),
  ...entries('AUX', "will would shall should can could may might must ought 'll/will", { verbForm: 'Fin' }),
]);

/** Contractions written as one token: form → [auxiliary lemma, POS]. Each carries a negation. */
export const NEGATED_AUX: ReadonlyMap<string, string> = new Map([
  ["don't", 'do'],
  ["doesn't", 'do'],
  ["didn't", 'do'],
  ["won't", 'will'],
  ["wouldn't", 'would'],
  ["can't", 'can'],
  ['cannot', 'can'],
  ["couldn't", 'could'],
  ["shouldn't", 'should'],
  ["mustn't", 'must'],
  ["isn't", 'be'],
  ["aren't", 'be'],
  ["wasn't", 'be'],
  ["weren't", 'be'],
  ["hasn't", 'have'],
  ["haven't", 'have'],
  ["hadn't", 'have'],
]);

/** Irregular verbs: base, past tense, past participle (alternatives separated by `|`). */
const IRREGULAR_VERB_TABLE = `
arise arose arisen; awake awoke awoken; bear bore borne|born; beat beat beaten; become became become;
begin began begun; bend bent bent; bet bet bet; bid bid bid; bind bound bound; bite bit bitten;
bleed bled bled; blow blew blown; break broke broken; breed bred bred; bring brought brought;
broadcast broadcast broadcast; build built built; burn burnt|burned burnt|burned; burst burst burst;
buy bought bought; cast cast cast; catch caught caught; choose chose chosen; cling clung clung;
come came come; cost cost cost; creep crept crept; cut cut cut; deal dealt dealt; dig dug dug;
do did done; draw drew drawn; dream dreamt dreamt; drink drank drunk; drive drove driven; eat ate eaten;
fall fell fallen; feed fed fed; feel felt felt; fight fought fought; find found found; flee fled fled;
fly flew flown; forbid forbade forbidden; forecast forecast forecast; foresee foresaw foreseen;
forget forgot forgotten; forgive forgave forgiven; freeze froze frozen; get got got|gotten;
give gave given; go went gone; grind ground ground; grow grew grown; hang hung hung; have had had;
hear heard heard; hide hid hidden; hit hit hit; hold held held; hurt hurt hurt; keep kept kept;
kneel knelt knelt; know knew known; lay laid laid; lead led led; lean leant leant; leap leapt leapt;
learn learnt learnt; leave left left; lend lent lent; let let let; lie lay lain; light lit lit;
lose lost lost; make made made; mean meant meant; meet met met; mislead misled misled;
mistake mistook mistaken; overcome overcame overcome; oversee oversaw overseen; overtake overtook overtaken;
overthrow overthrew overthrown; pay paid paid; prove proved proven|proved; put put put; quit quit quit;
read read read; rebuild rebuilt rebuilt; rid rid rid; ride rode ridden; ring rang rung; rise rose risen;
run ran run; say said said; see saw seen; seek sought sought; sell sold sold; send sent sent;
set set set; sew sewed sewn; shake shook shaken; shed shed shed; shine shone shone; shoot shot shot;
show showed shown; shrink shrank shrunk; shut shut shut; sing sang sung; sink sank sunk; sit sat sat;
sleep slept slept; slide slid slid; speak spoke spoken; speed sped sped; spend spent spent;
spin spun spun; split split split; spread spread spread; spring sprang sprung; stand stood stood;
steal stole stolen; stick stuck stuck; sting stung stung; strike struck struck|stricken;
strive strove striven; swear swore sworn; sweep swept swept; swim swam swum; swing swung swung;
take took taken; teach taught taught; tear tore torn; tell told told; think thought thought;
throw threw thrown; thrust thrust thrust; undergo underwent undergone; understand understood understood;
undertake undertook undertaken; upset upset upset; uphold upheld upheld; wake woke woken; wear wore worn;
weave wove woven; weep wept wept; win won won; wind wound wound; withdraw withdrew withdrawn;
withhold withheld withheld; withstand withstood withstood; write wrote written
`;

/** Irregular verb forms: form → base and which forms it is. */
export interface IrregularForm {
  lemma: string;
  past: boolean;
  participle: boolean;
}

function buildIrregular(): Map<string, IrregularForm> {
  const map = new Map<string, IrregularForm>();
  for (const row of IRREGULAR_VERB_TABLE.split(';')) {
    const [base, past, part] = row.trim().split(/\s+/);
    if (!base || !past || !part) continue;
    for (const f of past.split('|')) {
      const prev = map.get(f);
      map.set(f, { lemma: base, past: true, participle: prev?.participle ?? false });
    }
    for (const f of part.split('|')) {
      const prev = map.get(f);
      map.set(f, { lemma: base, past: prev?.past ?? false, participle: true });
    }
  }
  // As nouns these are far more frequent in news than as forms of "grind" and "wind".
  map.delete('ground');
  map.delete('wound');
  return map;
}

export const IRREGULAR_VERBS: ReadonlyMap<string, IrregularForm> = buildIrregular();

/** Third-person and -ing forms the suffix rules get wrong. */
export const IRREGULAR_VERB_FORMS: ReadonlyMap<string, string> = new Map([
  ['goes', 'go'],
  ['does', 'do'],
  ['has', 'have'],
  ['dying', 'die'],
  ['lying', 'lie'],
  ['tying', 'tie'],
  ['vying', 'vie'],
]);

/** Irregular plurals: plural → singular. */
export const IRREGULAR_NOUNS: ReadonlyMap<string, string> = new Map([
  ['men', 'man'],
  ['women', 'woman'],
  ['children', 'child'],
  ['people', 'people'],
  ['feet', 'foot'],
  ['teeth', 'tooth'],
  ['mice', 'mouse'],
  ['geese', 'goose'],
  ['crises', 'crisis'],
  ['analyses', 'analysis'],
  ['theses', 'thesis'],
  ['bases', 'base'],
  ['diagnoses', 'diagnosis'],
  ['criteria', 'criterion'],
  ['phenomena', 'phenomenon'],
  ['lives', 'life'],
  ['wives', 'wife'],
  ['knives', 'knife'],
  ['leaves', 'leaf'],
  ['halves', 'half'],
  ['shelves', 'shelf'],
  ['thieves', 'thief'],
  ['wolves', 'wolf'],
  ['selves', 'self'],
  ['heroes', 'hero'],
  ['vetoes', 'veto'],
  ['potatoes', 'potato'],
  ['tomatoes', 'tomato'],
  ['echoes', 'echo'],
  ['embargoes', 'embargo'],
  ['torpedoes', 'torpedo'],
  ['indices', 'index'],
  ['matrices', 'matrix'],
  ['oases', 'oasis'],
  ['memoranda', 'memorandum'],
]);

/** Words ending in -s that are not plurals (or whose plural is the same form). */
export const NOT_PLURAL: ReadonlySet<string> = new Set(
  `news series species politics economics physics mathematics statistics ethics tactics logistics
   this its has was is thus us bus status census consensus virus crisis analysis basis gas bias atlas
   alias chaos lens means headquarters thesis diagnosis emphasis hypothesis synopsis axis oasis
   campus bonus focus corpus genus onus opus surplus nexus
   various previous serious famous numerous enormous dangerous obvious anxious generous nervous
   jealous curious religious ambitious continuous tremendous vicious notorious unanimous
   across always perhaps whereas afterwards towards besides sometimes overseas less unless
   yes kansas texas arkansas paris athens brussels lagos honduras barbados cyprus belarus
   mauritius marcus thomas james charles jesus dallas vegas`
    .split(/\s+/)
    .filter(Boolean),
);

/** Common regular verbs in base form: they settle the -ed/-ing/-s lemma and the noun/verb call. */
export const KNOWN_VERBS: ReadonlySet<string> = new Set(
  `accept accuse achieve acknowledge act add address adopt advance advise affect agree aid aim allege allow
   announce answer appeal appear apply appoint approve argue arrest arrive ask assassinate assert assess
   assist assume assure attack attempt attend attribute authorize avoid back ban base bar become believe
   benefit block blame bomb boost borrow boycott breach brief call campaign cancel capture care carry cause
   cease celebrate challenge change charge chair check cite claim clash clear close collapse collect combat
   comment commit compare compete complain complete comply concede conclude condemn conduct confirm
   congratulate connect consider consult contact contain continue contribute control convene convict
   cooperate coordinate count cover create criticize criticise cross cut damage debate decide declare
   decline decrease defeat defend delay deliver demand deny deploy deport describe destroy detain determine
   develop die disagree discover discuss dismiss dispatch dispute dissolve distribute donate double doubt
   drop earn ease elect eliminate embrace emerge emphasize emphasise employ enable encourage end endorse
   engage enhance ensure enter escalate escape establish estimate evacuate evaluate examine exceed exchange
   execute exist expand expect expel explain explode export express extend face fail fear file finance
   finish fire focus follow force form found free freeze fund gather grant greet guarantee halt handle happen
   harm head help hire host hope host hurt identify ignore impeach implement import impose improve include
   increase indicate inform injure insist inspect install instruct intend intensify intercept interview
   introduce invade invest investigate invite involve issue join judge jump justify kidnap kill land last
   launch lead leak level lift limit link list live loan lobby locate look lower maintain manage march mark
   matter mediate mention merge minimize miss mobilize mobilise monitor move name need negotiate nominate
   note notify observe obtain occupy occur offer open operate oppose order organize organise outline own
   pardon participate pass perform permit persuade phone place plan play pledge plunge point poison praise
   predict prefer prepare present preserve press prevent proceed produce promise promote propose prosecute
   protect protest provide provoke publish pull punish purchase pursue push question raid raise rally reach
   react reaffirm realize realise receive recognize recognise recommend record recover recruit reduce refer
   reflect reform refuse regard register reinforce reject relate release rely remain remark remove renew
   repeat replace reply report represent request require rescue reserve resign resist resolve respect
   respond restore restrict result resume retain retaliate retire return reveal review revoke rule sanction
   save score search secure seem seize select sentence serve settle share shell ship sign signal solve start
   state stay step stop strengthen stress struggle study submit succeed suffer suggest summon supply
   support suppose surrender surround suspend sustain target terminate test testify thank threaten tour
   trade train transfer travel treat try turn unite urge use vary veto violate visit voice vote wait walk
   want warn watch welcome widen wish withdraw work worry wound yield
   patrol compel repel stab scrap equip admit confer deter rob`
    .split(/\s+/)
    .filter(Boolean),
);

/** Verbs of KNOWN_VERBS that are at least as often nouns: their -s form is a plural after a noun. */
export const NOUN_VERBS: ReadonlySet<string> = new Set(
  `aid aim answer appeal attack attempt back ban base bar benefit block bomb boycott breach call campaign
   care cause challenge change charge chair check claim clash comment contact control count cover cut
   damage debate decline delay demand dispute doubt drop ease end estimate exchange export face fear file
   finance fire focus force form fund grant harm head help hope host import increase issue judge jump land
   lead leak level lift limit link list loan lobby look march mark matter move name need note offer order
   own pardon phone place plan play pledge point poison praise press promise protest purchase push question
   raid raise rally reach record reform regard release remark reply report request rescue reserve respect
   result return review rule sanction score search sentence share shell ship sign signal start state step
   stop stress struggle study supply support surrender talk target test threat tour trade train transfer
   travel treat try turn use veto visit voice vote wait walk want watch welcome wish work worry wound yield patrol`
    .split(/\s+/)
    .filter(Boolean),
);

/** Frequent nouns and adjectives that the suffix rules would misread, and sentence-initial words to trust. */
export const KNOWN_NOUNS: ReadonlySet<string> = new Set(
  `official president minister government police country leader talk deal agreement meeting spokesman
   spokeswoman spokesperson ministry army force troop soldier state city capital region border war
   peace treaty accord summit visit crisis economy company bank oil gas price market year month week day
   time people group party member parliament election vote court judge law attack bomb explosion rebel
   refugee official report source news agency statement talk proposal plan program programme project
   fund aid sanction tariff trade export import deal investment investor business industry firm
   president-elect secretary ambassador envoy embassy delegation chairman chief head general commander
   morning evening thing king ring spring wedding building funding meeting ceiling hearing briefing
   warning ruling offering training shooting bombing killing fighting landing setting wing sibling
   anniversary secretary library boundary salary summary dictionary sanctuary february january
   family supply reply ally rally assembly anomaly monopoly jelly belly italy july
   official rival proposal approval arrival capital festival signal trial criminal potential individual
   referral withdrawal dismissal renewal survival disposal removal denial tribunal hospital journal
   animal total interval portal council consul pupil`
    .split(/\s+/)
    .filter(Boolean),
);

/** Adjectives that end in -ly (the -ly rule would call them adverbs). */
export const LY_ADJECTIVES: ReadonlySet<string> = new Set(
  `early daily weekly monthly yearly hourly nightly quarterly likely unlikely friendly unfriendly elderly
   holy ugly silly lonely lovely costly deadly orderly timely lively`
    .split(/\s+/)
    .filter(Boolean),
);
