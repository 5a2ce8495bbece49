/**
 * Default word lists of the drafting checks (撰写辅助). Each is a setting an admin can change per
 * committee (settings.ts); these are the starting values, drawn from the categories and wording of
 * real proposals (the Jiangsu 2019 list) and real citizen messages (Taidi 2020).
 */

/**
 * 类别议题词: the subjects each proposal category covers. A suggestion's subject is the category
 * whose terms it mentions most; two groups of suggestions in different categories that share no
 * subject word make a draft with two issues (一事一案).
 */
export const defaultSubjectTerms: { category: string; terms: string }[] = [
  { category: '经济发展', terms: '经济、产业、民营、营商环境、市场主体、投资、项目、招商、开发区、园区、消费、内需、外贸、开放、自贸、数字经济、总部、高质量发展、民营企业、中小企业、小微企业、企业家' },
  { category: '工业商贸', terms: '制造业、工业、商贸、商业、物流、快递、电商、零售、外卖、餐饮、商圈、夜经济、品牌、老字号、会展、市场监管、质量、标准化、专利、知识产权' },
  { category: '财税金融', terms: '金融、银行、贷款、融资、信贷、财政、税收、税费、减税、保险、资本市场、上市、基金、债务、担保、非法集资、征信、信用、预算、资金' },
  { category: '农林水利', terms: '农业、农村、农民、乡村、耕地、粮食、种植、养殖、渔业、林业、水利、灌溉、河道、防汛、水库、农田、合作社、家庭农场、宅基地、村庄' },
  { category: '城乡建设', terms: '城市、住房、房地产、物业、小区、老旧小区、加装电梯、停车、道路、交通、公交、地铁、轨道、桥梁、管网、排水、燃气、规划、拆迁、棚改、市政、路灯、厕所、公厕' },
  { category: '资源环境', terms: '环境、生态、污染、大气、空气、水质、土壤、噪声、垃圾、垃圾分类、固废、危废、节能、减排、碳、绿色、湿地、森林、自然保护、环保、河湖、长江、秸秆、塑料' },
  { category: '科学技术', terms: '科技、科研、创新、研发、技术、高新技术、人工智能、大数据、互联网、信息化、数字化、5G、区块链、成果转化、实验室、孵化、科技人才、院所' },
  { category: '教育事业', terms: '教育、学校、中小学、幼儿园、学前、高校、大学、职业教育、学生、教师、老师、课程、教材、课堂、招生、考试、学位、校园、课后服务、家庭教育、减负、师资' },
  { category: '文化宣传', terms: '文化、文艺、文物、遗产、非遗、博物馆、图书馆、旅游、文旅、景区、传统文化、阅读、书店、影视、出版、媒体、宣传、网络文化、历史文化、名城' },
  { category: '医卫体育', terms: '医疗、医院、医生、医保、卫生、健康、疾病、公共卫生、药品、护理、中医、疫苗、诊疗、基层医疗、家庭医生、体育、健身、运动、赛事、全民健身、体育设施' },
  { category: '社会事业', terms: '养老、老年人、老人、居家养老、托育、婴幼儿、儿童、妇女、残疾人、社区、就业、社保、社会保障、低保、救助、慈善、志愿、社会组织、民政、殡葬、退役军人、住房保障、人口' },
  { category: '法制建设', terms: '法治、法律、法规、立法、执法、司法、法院、检察、律师、调解、仲裁、诉讼、普法、公安、治安、犯罪、诈骗、安全生产、消防、信访、纠纷' },
  { category: '政治建设', terms: '党建、干部、政务、政府职能、放管服、审批、机构改革、基层治理、作风、廉政、政治协商、民主监督、统一战线、网格化、考核、编制' },
  { category: '统战综合', terms: '统战、民主党派、无党派、宗教、民族、港澳、台湾、台胞、侨务、华侨、新的社会阶层、海外、对台' },
];

/**
 * Words every suggestion uses whatever its subject (加强…, 完善…机制): sharing one of these does not
 * make two suggestions about the same thing.
 */
export const defaultGenericWords =
  '加强、完善、建立、健全、推进、推动、加快、加大、提高、提升、强化、落实、实施、开展、鼓励、支持、引导、规范、优化、探索、保障、保证、确保、做好、注重、重视、坚持、统筹、深化、创新、培育、扶持、力度、机制、制度、政策、措施、体系、平台、标准、工作、服务、管理、建设、发展、部门、政府、单位、机构、相关、有关、各级、社会、群众、人员、人才、资金、经费、市场、企业、方面、领域、水平、能力、作用、我区、全区、我省、全省、地区、区域、范围、情况、问题、需求、进行、通过、形成、实现、做到、给予、提供、增加、设立、加以、予以、考核、监督、检查、宣传、培训、信息、资源、项目、试点、示范、专项、年度、定期、逐步、尽快、积极、有效、充分、进一步、同时、以及';

/**
 * Words of a personal complaint (个人诉求): the writer's own household, property or dispute, and the
 * spoken address of a letter to an official (你好, 你们, 怎么办). Each word added was checked on the
 * real texts: it raised the citizen messages flagged without flagging one more real proposal.
 */
export const defaultPersonalWords = '我家、我们家、家里、我的、我是、我们小区、我们村、我们单位、我们这里、我们这边、我父亲、我母亲、我爸、我妈、我儿子、我女儿、我孩子、我老公、我爱人、退款、退费、索赔、欠薪、工资没发、讨薪、恳请、请问、求助、希望领导、请领导、给个说法、无人管、没人管、不予理睬、石沉大海、多次反映、多次投诉、一直没有、迟迟、到现在、谢谢、您好、尊敬的、感谢您、强烈请求、强烈要求、请有关部门、请求有关部门、可不可以、我住、跪求、你们、你好、怎么办、什么时候能、无故、请给';

/** Words of an individual case (个案): one address, one company, one incident. */
export const defaultCaseWords = '门牌、小区门口、该小区、该楼盘、该公司、该企业、该店、该商户、该医院、该学校、开发商、某公司、某小区、某某、一户、当事人、事发、那天、上周、昨天、前天';

/** An address down to a building or a flat (3号楼, 5栋, 2单元, 301室): a single case, not a policy. */
export const address = /\d+\s*(?:号楼|栋|幢|单元|室)/g;

/** Bodies that carry out a suggestion: named departments, or a kind of body (…局, …委). */
export const responsibleBody = /(人民政府|政府|党委|[\p{Script=Han}]{1,8}(?:局|厅|委员会|委|办公室|办|部|署|中心|银行|法院|检察院|街道|乡镇|管委会)|主管部门|行业主管|牵头|会同|责任单位|主办单位)/u;

/** A number with a unit, a share or an amount: 3个, 50%, 1000万元, 每年2次. */
export const quantity = /(\d+(?:\.\d+)?\s*(?:%|％|个|家|所|项|条|次|人|名|万|亿|元|台|套|辆|张|床|平方米|亩|公里|米|小时|天|周|月|年|倍|处|座|批)|[一二三四五六七八九十百千两]+(?:个|项|条|次|所|家|名|批)|百分之[一二三四五六七八九十百]+)/;

/** A time limit: 2025年底前, 三年内, 每季度, 年内, 限期. */
export const deadline = /(\d{4}\s*年(?:底|内|前|\d{1,2}月)|[一二三四五六七八九十两\d]+\s*(?:年|个月|个工作日|日|天|周)内|年底前|年内|月底前|限期|时限|期限|每(?:年|季度|月|半年|周)|分(?:阶段|步|期)|到\d{4}年|至\d{4}年|“十[四五六]五”(?:期间|末)?)/;
