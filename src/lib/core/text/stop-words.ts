import type { TextLanguage } from './normalise.ts';

/**
 * Stop words: words too common to say what an answer is about. Each list is the Snowball
 * project's stop word list for the language (https://snowballstem.org/algorithms/finnish/stop.txt,
 * …/swedish/stop.txt, …/english/stop.txt; Copyright (c) 2001 Martin Porter, 2002 Richard Boulton,
 * BSD 3-clause licence, see https://snowballstem.org/license.html), followed by Aspa's additions:
 * intensifiers, fillers and courtesy words that recur in library feedback without naming a theme
 * ("todella", "tosi", "kiitos", "thanks"). Words are compared after `normalise`.
 *
 * "hyvä"/"good" and "kirjasto"/"library" are stop words of the feedback domain too: nearly every
 * answer says them, so as themes they would say nothing ("good", "library"). So are quantities
 * ("enemmän", "lisää", "mer", "less"): in "Enemmän e-kirjoja" the theme is e-books.
 */
const snowballFinnish = `
olla olen olet on olemme olette ovat ole oli olisi olisit olisin olisimme olisitte olisivat olit olin
olimme olitte olivat ollut olleet
en et ei emme ette eivät
minä minun minut minua minussa minusta minuun minulla minulta minulle
sinä sinun sinut sinua sinussa sinusta sinuun sinulla sinulta sinulle
hän hänen hänet häntä hänessä hänestä häneen hänellä häneltä hänelle
me meidän meidät meitä meissä meistä meihin meillä meiltä meille
te teidän teidät teitä teissä teistä teihin teillä teiltä teille
he heidän heidät heitä heissä heistä heihin heillä heiltä heille
tämä tämän tätä tässä tästä tähän tällä tältä tälle tänä täksi
tuo tuon tuota tuossa tuosta tuohon tuolla tuolta tuolle tuona tuoksi
se sen sitä siinä siitä siihen sillä siltä sille sinä siksi
nämä näiden näitä näissä näistä näihin näillä näiltä näille näinä näiksi
nuo noiden noita noissa noista noihin noilla noilta noille noina noiksi
ne niiden niitä niissä niistä niihin niillä niiltä niille niinä niiksi
kuka kenen kenet ketä kenessä kenestä keneen kenellä keneltä kenelle kenenä keneksi
ketkä keiden keitä keissä keistä keihin keillä keiltä keille keinä keiksi
mikä minkä mitä missä mistä mihin millä miltä mille miksi mitkä
joka jonka jota jossa josta johon jolla jolta jolle jona joksi
jotka joiden joita joissa joista joihin joilla joilta joille joina joiksi
että ja jos joten koska kuin mutta niin sekä sillä tai vaan vai vaikka
kanssa mukaan noin poikki yli
kun nyt itse`;

const aspaFinnish = `
todella tosi erittäin aivan ihan hyvin aina myös vain jo vielä sitten kyllä paljon liian vähän
ehkä esim eli mm yms kiitos kiitokset hyvä hyvää hyviä hyvät kirjasto kirjaston kirjastossa
kirjastoon kirjastolla kirjastolle kirjastot kirjastoja mitään mikään jotain jotakin joku kaikki
kaikkia kaikille olisi voisi voi pitäisi saisi ollut olleet ole olla enemmän lisää vähemmän enempi
vähän`;

const snowballSwedish = `
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig
du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när
efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan
ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina
samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta
sådana vart dina vars vårt våra ert era vilkas`;

const aspaSwedish = `
väldigt verkligen också bara alltid redan ännu kanske tack bra bibliotek biblioteket biblioteken
borde kunna mer mera fler flera mindre färre`;

const snowballEnglish = `
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her
hers herself it its itself they them their theirs themselves what which who whom this that these
those am is are was were be been being have has had having do does did doing would should could
ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd we'd
they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't
doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't mustn't let's that's
who's what's here's there's when's where's why's how's a an the and but if or because as until
while of at by for with about against between into through during before after above below to
from up down in out on off over under again further then once here there when where why how all
any both each few more most other some such no nor not only own same so than too very`;

const aspaEnglish = `
really always also just already still thanks thank good great nice library libraries please
maybe can will get less fewer extra`;

function list(...texts: string[]): ReadonlySet<string> {
	return new Set(texts.join(' ').split(/\s+/).filter((word) => word !== ''));
}

export const stopWords: Record<TextLanguage, ReadonlySet<string>> = {
	fi: list(snowballFinnish, aspaFinnish),
	sv: list(snowballSwedish, aspaSwedish),
	en: list(snowballEnglish, aspaEnglish)
};

export function isStopWord(word: string, language: TextLanguage): boolean {
	return stopWords[language].has(word);
}
