/**
 * English gazetteers for names the KB does not hold: given names, sports clubs and team nicknames,
 * group adjectives, words that make a capitalised phrase an event, a place or an organization, and
 * the common words that open sentences and fill headlines. All lower case; multi-word entries are
 * space-separated token sequences. Written by hand from general knowledge.
 */

function words(s: string): Set<string> {
  return new Set(s.split(/\s+/).filter(Boolean));
}

function phrases(s: string): Set<string> {
  return new Set(
    s
      .split(/[,\n]/)
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Given names (English, European, Latin American, Slavic, Arabic, African, Asian). */
export const FIRST_NAMES = words(`
aaron abdul abdullah abdel abraham adam adrian ahmad ahmed aidan akira alain alan alastair albert alberto
alec alejandro aleksander aleksandr alessandro alex alexander alexandre alexei alexis alfonso alfred alfredo
ali alice alison allan allen alvaro amanda amy ana anatoly anders andre andrea andreas andrei andres andrew
andrzej andy angel angela angelo anita ann anna anne annie anthony antoine anton antonio arnaud arnold arthur
arturo ashley assad aziz barbara barry bart ben benjamin benoit bernard bernd bernhard bert bill billy bjorn
bob bobby bogdan boris brad bradley brendan brett brian bruce bruno bryan carl carla carlo carlos carmen
carol caroline catherine cesar chad charles charlie chris christian christine christopher chuck claude
claudio claus colin connie craig cristian curt curtis cyril dale damien damon dan daniel daniela danny dario
darren dave david dean denis dennis derek desmond diana diane dick diego dieter dimitri dmitry dominic
dominique don donald doug douglas duncan dusan dwight earl ed eddie edgar edmund eduardo edward edwin eric
erik ernesto ernst eugene evan fabio faisal felipe felix fernando fidel filip francesco francis francisco
franco francois frank franz fred frederick friedrich gabriel gail gareth gary gavin geoff geoffrey george
georges gerald gerard gerhard giancarlo gianni gilbert gilles giorgio giovanni giuseppe glen glenn gordon
graham grant greg gregory guido guillermo gunter gustavo guy hans harold harry hassan hector heinz helen
helmut henri henrik henry herbert herman hiroshi horst howard hugh hugo hussein ian ibrahim igor ivan ivo
jack jacques jaime james jamie jan jane janet janos jason javier jean jeff jeffrey jennifer jens jeremy
jerome jerry jesse jesus jim jimmy joachim joan joao joe joel johan johann johannes john johnny jon jonathan
jorge jose josef joseph juan judith julia julian julie julio jurgen justin kamal karel karen karim karl
kate katherine kathy keith kelly ken kenneth kenny kevin khalid kim klaus kurt lance larry lars laszlo laura
laurent lawrence lee leo leon leonard leonid leslie lewis linda lionel lisa lloyd lorenzo louis luc luca
lucas luigi luis lynn malcolm manuel marc marcel marco marcus margaret maria mario mark marko martin martina
mary massimo mathias matt matthew matthias maurice mauricio max michael michel michele miguel mikael mike
mikhail milan miroslav mitchell mohamed mohammad mohammed monica muhammad mustafa nancy nathan neil nelson
nick nicholas nicola nicolas nigel nikolai nikolay noel norman oleg oliver omar oscar otto owen pablo paolo
pascal pat patricia patrick paul paula pavel pedro per pete peter petr petra phil philip philippe pierre
piet piotr rafael ralf ralph ramon randy raul ray raymond rebecca reggie rene ricardo richard rick ricky
rob robert roberto robin rod rodney roger roland rolf roman ron ronald ronnie rory ross roy ruben rudolf
russell ruth ryan said salim salvatore sam samir samuel sandra sandy sara sarah scott sean sebastian sergei
sergey sergio shane sharon shaun sheila shimon simon stan stanley stefan stefano stephen steve steven
stuart sue susan sven tamas ted teresa terry thierry thomas tim timothy toby todd tom tomas tommy tony
tracy trevor ulrich uwe valentin valery vasily victor vincent viktor vladimir vladislav walter wayne werner
wesley william willie wim wolfgang yasser yitzhak yuri yves zbigniew zoran
aleksandar andriy bogdan dragan goran milos nebojsa predrag slobodan vojislav zeljko radovan ratko momcilo
alija haris ejup jovan hashim nawaz benazir atal narasimha chandra rajiv sonia manmohan deng jiang zhu
li wang ryutaro yoshiro kiichi tomiichi nelson thabo jacob kofi boutros nawaf rafik fahd saddam tariq
taha jalal massoud masoud mesut tansu necmettin suleyman bulent recep mahmoud yasir nabil hosni amr
benjamin ehud binyamin netanyahu shimon yitzhak ariel ezer natan avigdor dan moshe
kenji kazuo takashi masahiro naoki ichiro hideo shinji kim hyun jae young
juergen helmut guenter guenther joerg gerd horst wilfried rudi berti oliver lothar matthias
jacques lionel alain jean-claude jean-marie jean-pierre jean-louis jean-luc francois-xavier
hristo stoyan petar georgi krasimir dimitar gheorghe ion nicolae adrian florin ilie viorel
lech aleksander wladyslaw jerzy tadeusz krzysztof wojciech jacek zdenek vaclav jiri vladimir milan ivan
mushtaq waqar wasim saqlain inzamam ijaz aamir saeed moin shahid aqib ata ramiz javed imran sanath aravinda
arjuna muttiah chaminda romesh hashan asanka sachin sourav rahul anil javagal venkatesh nasser alec
graeme dominic phil mal jonty hansie allan brian shane glenn mark ricky merv carl courtney curtly
andrius algirdas arvydas gediminas vytautas guntis edgar janis anatoly boris gennady grigory yegor
`);

/** Person title words that stand before a name and are not part of it in CoNLL-style spans. */
export const NAME_TITLES = words(`
mr mrs ms miss dr sir dame lord lady sen senator rep gov governor gen general col colonel capt captain lt
lieutenant sgt sergeant prof professor rev reverend bishop archbishop cardinal pope king queen prince
princess duke duchess count countess baron emperor sheikh president premier minister chancellor judge
justice mayor father brother sister saint ayatollah imam rabbi maj major admiral marshal commander
field cpl private corporal chief inspector detective superintendent coach
`);

/** Sports clubs and teams (names as written in results), matched in sports reports only. */
export const CLUBS = phrases(`
arsenal, aston villa, barnsley, birmingham, blackburn, blackburn rovers, blackpool, bolton, bolton wanderers,
bournemouth, bradford, bradford city, brentford, brighton, bristol city, bristol rovers, burnley, bury,
cambridge united, cardiff, carlisle, charlton, chelsea, chester, chesterfield, colchester, coventry,
crewe, crystal palace, darlington, derby, derby county, doncaster, everton, exeter, fulham, gillingham,
grimsby, hartlepool, hereford, huddersfield, hull, ipswich, leeds, leeds united, leicester, leyton orient,
lincoln, liverpool, luton, manchester city, manchester united, man united, mansfield, middlesbrough, millwall,
newcastle, newcastle united, northampton, norwich, nottingham forest, notts county, oldham, oxford, oxford united,
peterborough, plymouth, port vale, portsmouth, preston, queens park rangers, qpr, reading, rochdale,
rotherham, scarborough, scunthorpe, sheffield united, sheffield wednesday, shrewsbury, southampton, southend,
stockport, stoke, sunderland, swansea, swindon, torquay, tottenham, tottenham hotspur, tranmere, walsall,
watford, west bromwich, west brom, west ham, wigan, wimbledon, wolverhampton, wolves, wrexham, wycombe, york,
barnet, cambridge, aldershot, maidstone, macclesfield, stevenage, kidderminster, cheltenham,
aberdeen, airdrieonians, albion, alloa, arbroath, ayr, berwick, brechin, celtic, clyde, clydebank, cowdenbeath,
dumbarton, dundee, dundee united, dunfermline, east fife, east stirling, falkirk, forfar, greenock morton,
hamilton, hearts, hibernian, inverness thistle, kilmarnock, livingston, montrose, morton, motherwell, partick,
queen of the south, queen's park, raith, raith rovers, rangers, ross county, st johnstone, st mirren,
stenhousemuir, stirling, stirling albion, stranraer, caledonian thistle,
ajax, psv, psv eindhoven, feyenoord, twente, vitesse, heerenveen, nac breda, roda jc, groningen, utrecht,
willem ii, sparta rotterdam, fortuna sittard, volendam, nec nijmegen, rkc waalwijk, de graafschap,
anderlecht, club brugge, standard liege, lierse, genk, racing genk, mechelen, charleroi, lokeren, ghent,
bayern munich, bayern, borussia dortmund, dortmund, borussia moenchengladbach, schalke, werder bremen,
hamburg, hamburg sv, bayer leverkusen, leverkusen, vfb stuttgart, karlsruhe, kaiserslautern, hansa rostock,
st pauli, freiburg, arminia bielefeld, fortuna duesseldorf, 1860 munich, vfl bochum, duisburg, cologne,
juventus, milan, ac milan, inter, inter milan, internazionale, lazio, roma, napoli, fiorentina, parma,
sampdoria, atalanta, bologna, cagliari, perugia, piacenza, reggiana, udinese, verona, vicenza, torino,
real madrid, barcelona, atletico madrid, valencia, deportivo coruna, deportivo, real betis, betis, sevilla,
athletic bilbao, real sociedad, celta vigo, celta, espanyol, racing santander, tenerife, oviedo, valladolid,
zaragoza, real zaragoza, sporting gijon, compostela, rayo vallecano, hercules, logrones, extremadura,
paris st germain, paris saint-germain, monaco, marseille, olympique marseille, bordeaux, nantes, auxerre,
lens, lyon, metz, strasbourg, montpellier, bastia, guingamp, cannes, rennes, le havre, lille, caen, nancy, nice,
porto, benfica, sporting lisbon, boavista, maritimo, braga, salgueiros, farense,
galatasaray, fenerbahce, besiktas, trabzonspor, olympiakos, panathinaikos, aek athens, paok,
red star, red star belgrade, partizan, partizan belgrade, dinamo zagreb, croatia zagreb, hajduk split,
dynamo kiev, spartak moscow, cska moscow, dynamo moscow, lokomotiv moscow, torpedo moscow, alania vladikavkaz,
rapid vienna, austria vienna, sturm graz, salzburg, grasshoppers, grasshopper, servette, sion, young boys,
lausanne, aarau, neuchatel xamax, lucerne, zurich, basel, st gallen,
ifk gothenburg, gothenburg, malmo, aik, helsingborg, rosenborg, brondby, lyngby, aalborg,
legia warsaw, widzew lodz, slavia prague, sparta prague, ferencvaros, steaua bucharest, dinamo bucharest,
maccabi tel aviv, maccabi haifa, hapoel tel aviv, beitar jerusalem,
flamengo, fluminense, vasco da gama, botafogo, corinthians, palmeiras, santos, sao paulo, gremio, cruzeiro,
boca juniors, river plate, independiente, racing club, penarol, nacional,
essex, kent, surrey, middlesex, sussex, hampshire, yorkshire, lancashire, leicestershire, warwickshire,
worcestershire, gloucestershire, somerset, derbyshire, nottinghamshire, northamptonshire, glamorgan,
durham, minor counties,
new york, baltimore, boston, toronto, detroit, cleveland, chicago, minnesota, milwaukee, kansas city, texas,
seattle, oakland, california, anaheim, atlanta, montreal, florida, philadelphia, houston, st louis, cincinnati,
pittsburgh, san diego, los angeles, colorado, san francisco, new jersey, denver, phoenix, miami, dallas,
indiana, utah, portland, sacramento, vancouver, calgary, edmonton, ottawa, buffalo, tampa bay, green bay,
new england, arizona, washington, orlando, charlotte, st. louis,
harlequins, wasps, saracens, bath, gloucester, leicester tigers, bristol, orrell, sale, west hartlepool,
northampton saints, london irish, london scottish, newcastle falcons, richmond, llanelli, cardiff rfc,
swansea rfc, pontypridd, neath, bridgend, newport, ebbw vale, treorchy, dunvant, caerphilly, newbridge,
boroughmuir, hawick, melrose, watsonians, currie, jed-forest, stirling county, heriot's,
`);

/** Team nicknames (North American leagues and others); a place name before one joins it. */
export const TEAM_NICKNAMES = words(`
yankees orioles red-sox blue-jays tigers indians royals twins brewers white-sox rangers mariners athletics
angels braves expos marlins mets phillies astros cubs reds pirates cardinals rockies dodgers padres giants
diamondbacks devil-rays
bulls celtics knicks lakers pistons rockets spurs suns jazz sonics supersonics bullets bucks cavaliers
hawks heat hornets magic nets pacers 76ers sixers raptors grizzlies kings clippers mavericks nuggets
timberwolves trail-blazers warriors
cowboys redskins eagles 49ers packers bears lions vikings buccaneers saints falcons panthers steelers
oilers bengals browns ravens jaguars colts dolphins patriots jets bills chiefs raiders chargers broncos
seahawks rams
springboks all-blacks wallabies pumas kiwis kangaroos
canadiens bruins flyers penguins capitals islanders devils whalers sabres senators lightning blackhawks
blues stars avalanche flames canucks mighty-ducks sharks coyotes
`);

/** Group adjectives and nouns the KB has no country for (CoNLL MISC). */
export const GROUP_WORDS = words(`
english scottish welsh irish british scots scot kurdish kurd kurds basque basques catalan flemish walloon
palestinian palestinians serb serbs croat croats muslim muslims moslem moslems islamic islamist islamists
christian christians catholic catholics protestant protestants jewish jew jews hindu hindus sikh sikhs
buddhist buddhists orthodox shi'ite shiite shi'ites shiites sunni sunnis arab arabs arabic latin european
europeans asian asians african africans soviet yugoslav slav slavic aboriginal hispanic caucasian
democrat democrats republican republicans communist communists socialist socialists nazi nazis
marxist maoist zionist gaullist tory tories liberal-democrat bosnian bosnians chechen chechens tamil tamils
tutsi tutsis hutu hutus pashtun tajik uzbek uighur tibetan kashmiri sindhi punjabi bengali zulu
anglican anglicans lutheran methodist baptist mormon shia maronite druze alawite coptic copts
cypriot cypriots flemings scandinavian nordic caribbean olympic zairean zaireans afrikaner
afrikaners eurodollar eurodollars chechnyan tajiks azeri azeris
`);

/** Last words of events, competitions and awards (CoNLL MISC). */
export const EVENT_HEADS = words(`
cup open championship championships games olympics olympiad trophy masters classic rally marathon
award awards prize prix tournament slam league division day bowl derby series festival biennale tour
`);

/** Last words of organizations, beyond `ORG_SUFFIXES` in entities.ts. */
export const ORG_HEADS = words(`
bancshares bancorp bancorporation banc bankcorp sa ag nv bv gmbh spa ab asa oy pty limited industries
enterprises resources petroleum oil energy electric telecom telecommunications communications airline
insurance assurance securities capital partners investments trust brothers bros sons associates
pharmaceuticals pharmaceutical steel mining chemicals chemical foods stores holding international
commission tribunal forces front movement alliance bureau services cabinet government brigade brigades
regiment guard guards rebels militia organisation reserve treasury fed conference network
television tv radio broadcasting newspaper magazine daily herald tribune gazette monitor observer
telegraph agency church hospital school college academy museum orchestra club rovers wanderers
albion hotspur corp. inc. co. ltd. plc. nasdaq exchange market mercantile
`);

/** Words that make a capitalised phrase a place (last word) ("Hudson River", "Gulf of Mexico"). */
export const LOC_HEADS = words(`
street avenue road square river lake mountains mountain mount island islands sea ocean gulf bay valley
desert strait straits canal peninsula province region district airport bridge coast basin plateau hills
heights strip bank county state states republic city town village harbour harbor port cape falls park
`);

/** First words of places ("Lake Victoria", "Mount Everest", "Gulf of Aden"). */
export const LOC_STARTS = words(`mount lake cape gulf sea bay strait isle port fort`);

/** Names of nations that play as teams and never stand for a club. */
export const NATIONS = phrases(
  `england, scotland, wales, northern ireland, ireland, yugoslavia, great britain`,
);

/** Names of events and competitions that are not built on a head word. */
export const EVENT_NAMES =
  phrases(`wimbledon, roland garros, tour de france, giro d'italia, vuelta, super bowl,
world series, stanley cup, intertoto, euro 96, olympics, paralympics, commonwealth games, ashes, grand national,
kentucky derby, ryder cup, davis cup, fed cup, formula one, indycar, serie a, bundesliga, premier league,
ramadan, christmas, easter, hanukkah, eid, dow jones, nikkei, ftse, dax, hang seng`);

/** Month names and their abbreviations: never a name alone. */
export const MONTHS = words(`
january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec
`);

/** Abbreviations of U.S. states written after a city ("Kansas City, Mo."). */
export const US_STATE_ABBREVIATIONS = words(`
ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md. mass. mich. minn. miss.
mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn. tex. va. vt. wash.
wis. wyo. d.c.
`);

/** Sports named in the slug of a sports report ("SOCCER - ..."), and whether teams (not people) play it. */
export const SPORTS: ReadonlyMap<string, boolean> = new Map([
  ['soccer', true],
  ['football', true],
  ['baseball', true],
  ['cricket', true],
  ['rugby', true],
  ['rugby union', true],
  ['rugby league', true],
  ['basketball', true],
  ['ice hockey', true],
  ['hockey', true],
  ['nfl', true],
  ['nba', true],
  ['nhl', true],
  ['american football', true],
  ['australian rules', true],
  ['volleyball', true],
  ['handball', true],
  ['water polo', true],
  ['tennis', false],
  ['golf', false],
  ['athletics', false],
  ['cycling', false],
  ['motor racing', false],
  ['motorcycling', false],
  ['boxing', false],
  ['swimming', false],
  ['skiing', false],
  ['alpine skiing', false],
  ['horse racing', false],
  ['rowing', false],
  ['squash', false],
  ['badminton', false],
  ['sailing', false],
  ['yachting', false],
  ['snooker', false],
  ['chess', false],
  ['judo', false],
  ['wrestling', false],
  ['triathlon', false],
  ['gymnastics', false],
  ['figure skating', false],
  ['speed skating', false],
  ['equestrianism', false],
  ['table tennis', false],
  ['weightlifting', false],
  ['sports', false],
]);

/**
 * Common words that open sentences and fill headlines: a capitalised or all-capitals one is not a
 * name by itself.
 */
export const COMMON_WORDS = words(`
a about above across after again against ago ahead aid aim air all almost alone along also although
always am among an and another any are around as at away back bad be beat beats became because become
been before began begin behind being below best better between big bill bid bids both but by call called
calls can cannot case cut cuts chief clear close closes come comes could day days deal deals dead death
despite did do does down due during each early east edge end ends even ever every expect expected face
faces fall falls far fear fears few final financial first five for four free from full further gain gains
get gets give gives go goes good great group growth had half has have he help her here high his hit hits
hold holds home hope hopes how however if in into is it its just keep key last late later lead leads
least leave less let like likely little long look lose loses loss low made main major make makes many
march market may me meet meets might more most move moves much must near need needs never new news next
nine no none nor not now of off official officials on once one only open or other our out over own part
people plan plans play plays police poll power press prices put quiet rally rate rates record report
reports result results rise rises rose run runs said sales same says season second see seen seek seeks
sees set sets seven she shares should show shows side since six so some soon start starts state still
stock stocks strong such take takes talks team ten than that the their them then there these they third
this those three through tie ties time to today told too top total trade two under until up us vote
votes was way we week weeks well were west what when where which while who why will win wins with
without won world would year years yet you your
aaa about advance advances agree agrees agreed alert amid announce announces arrive arrives ask asks
attack attacks back backs ban bans battle blast blasts boost boosts bomb bombs bond bonds break breaks
bring budget call chance charge charges claim claims club crash crisis crowd cup deny denies draw draws
drop drops economy election elections end fight fights fire fires force forces fund gain goal goals
hand hands head heads hurt injured job jobs join joins kill kills killed lead lift lifts line loan
loans lower mark miss money month months name names offer offers order orders output pact peace pick
picks plane point points post price profit profits protest quit quits race raise raises reach reaches
rebel rebels reform return returns rule rules sale say score scores seize sell sells sign signs slip
slips stake stand stands stay stays step steps stop storm strike strikes study surge surges talk tax
taxes test tests threat threats title toll trial troops turn turns unit upset urge urges victory visit
visits wait want wants war warn warns watch weak wind winner winners women year men man woman
standings standing division league round quarter semi-final semifinal final finals qualifying
scores scorers table tables summary summaries teams players player coach match matches game games
innings runs wickets points played home away goals attendance results fixtures statistics leading
results. scores. postponed abandoned replay halftime half-time
instead meanwhile however although though earlier later yesterday asked according analysts
officials police others several both many most some after before when while during since despite under
fullback captain striker midfielder defender goalkeeper skipper opener batsman bowler pitcher
women men tries universities security cooperation greater human rights affairs foreign interior
please note editors advisory update correction corrected repeat
jan feb mar apr jun jul aug sep sept oct nov dec newsroom extras bowling batting gmt euro first
department south north east west central northern southern eastern western total overall tennis golf
soccer baseball cricket rugby athletics cycling boxing swimming skiing sports sport add sun mon tue wed
thu fri sat note notes source sources repeats prev previous pct gb pts att
`);
