// Cue words of attribution: verbs of saying and believing in the forms news use, and which of them take a
// bare clause ("said Russia had…") rather than needing "that".

/** Verbs that can introduce a reported clause (all inflections listed: tokens carry no lemma). */
const SPEECH = `say says said saying tell tells told add adds added note notes noted claim claims claimed
warn warns warned stress stresses stressed state states stated explain explains explained insist insists insisted
argue argues argued acknowledge acknowledges acknowledged announce announces announced assert asserts asserted
report reports reported respond responds responded reply replies replied write writes wrote tweet tweets tweeted
allege alleges alleged suggest suggests suggested declare declares declared admit admits admitted confirm confirms
confirmed deny denies denied reveal reveals revealed predict predicts predicted promise promises promised vow vows
vowed urge urges urged recall recalls recalled estimate estimates estimated believe believes believed think thinks
thought contend contends contended maintain maintains maintained concede concedes conceded complain complains
complained emphasize emphasizes emphasized emphasise emphasises emphasised indicate indicates indicated insisted
informed inform informs assess assesses assessed accuse accuses accused charge charges charged observe observes
observed remark remarks remarked continue continued testify testified disclose disclosed asked asks exclaimed answered
saying adding noting arguing claiming insisting warning explaining stressing telling`;

export const CUE_VERBS = new Set(SPEECH.split(/\s+/));

/** Verbs that report a clause without "that": "Sullivan said Russia…", "he believes the…". */
export const BARE_CLAUSE_VERBS = new Set(`say says said believe believes believed think thinks thought claim claims
claimed add adds added note notes noted warn warns warned insist insists insisted argue argues argued wrote writes
predicted predicts estimated estimates suggests suggested stressed stresses saying adding noting arguing claiming
insisting warning explaining stressing`.split(/\s+/));

/** Verbs that take the hearer as object before the clause: "told CNN that", "informed reporters that". */
export const OBJECT_VERBS = new Set(['tell', 'tells', 'told', 'telling', 'inform', 'informs', 'informed', 'warned', 'warn', 'warns', 'assured', 'reminded']);
