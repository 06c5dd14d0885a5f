// The demo program's proposals: eight more organisations of 南七街道 (four registered social organisations, four
// street-filed volunteer teams) hand in fourteen proposals, some of them already screened. Each is written through the
// portal's own data functions (draft, save, submit, screen, revise and resubmit) inside the seed's transaction, so
// its number, frozen versions, screening record, audit events, receipt and the list's tally are what the portal
// itself writes. Each step is then dated into the past week, so the demo reads as a call that has been open a while.
// Most proposals carry one or two attachments made at seed time (a budget workbook built from the proposal's own
// lines, a copy of the organisation's certificate as a small PDF), stored as the portal stores an upload: under
// UPLOAD_DIR, typed from their bytes, attached before the submission whose frozen version lists them.
// The demo applicant's and team's organisations get none: the browser tests file proposals for them, and the
// program takes two per organisation.
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { CostCategory, StandardTargetGroup } from "../app/features/programs/catalogues";
import {
  checkUploads,
  discardAttachmentFiles,
  removeAttachmentIn,
  storeAttachmentsIn,
} from "../app/features/proposals/attachments.server";
import {
  budgetTotals,
  type FundingSource,
  fundingSources,
  lineAmountFen,
  QUANTITY_SCALE,
} from "../app/features/proposals/budget";
import { type IndicatorTargetInput, presentRows, type ProposalContent } from "../app/features/proposals/content";
import { receiptEmail, screeningEmails } from "../app/features/proposals/emails.server";
import { CUSTOM_INDICATOR, type IndicatorCode } from "../app/features/proposals/indicators";
import {
  createDraftIn,
  findProgramForProposals,
  listAttachments,
  type ProgramForProposals,
  type ReceiptFacts,
  saveDraftIn,
  submitProposalIn,
} from "../app/features/proposals/proposals.server";
import type { ScreeningDecision } from "../app/features/proposals/screening";
import { screenProposalIn } from "../app/features/proposals/screening.server";
import type { ProposalSnapshot } from "../app/features/proposals/snapshot";
import { publicOrigin } from "../app/lib/env.server";
import { nowIso, todayInChina } from "../app/lib/time";
import { programs as programsZh } from "../app/locales/zh-CN/programs";
import { proposals as proposalsZh } from "../app/locales/zh-CN/proposals";
import { addOrganizationMember, createOrganization, createUser } from "../tests/factories";
import type { Database, NewOrganization } from "./schema";

type DB = Kysely<Database>;

// ---- the organisations ----

interface DemoOrganization {
  owner: { email: string; name: string };
  fields: Partial<NewOrganization> & { name: string };
}

/** Registered organisations carry a 统一社会信用代码 (valid check characters, fictional codes) and a bank account. */
const organizations = {
  tongxin: {
    owner: { email: "tongxin@weigongyi.demo", name: "周慧敏" },
    fields: {
      kind: "registered",
      name: "合肥市蜀山区同心家园社会工作服务中心",
      uscc: "52340104MJ1T5K8Q3L",
      orgType: "private_non_enterprise",
      sponsorCommunity: null,
      filingNumber: null,
      responsiblePerson: "周慧敏",
      contactName: "周慧敏",
      contactPhone: "13955132468",
      community: "南七社区",
      address: "合肥市蜀山区南七街道望江西路 66 号南七社区党群服务中心二楼",
      registeredOn: "2017-09-12",
      rating: "4A",
      ratingExpiresOn: "2029-06-30",
      introduction: "蜀山区民政局登记的民办社会工作服务机构，持证社工 9 名，长期驻点南七社区开展为老、助残服务。",
      serviceExperience: "2019 年以来承接街道、区级为老助残项目 11 个，建立独居老人档案 230 余户。",
      bankAccountName: "合肥市蜀山区同心家园社会工作服务中心",
      bankAccountNumber: "3400 1458 6080 5300 2716",
      bankName: "中国建设银行合肥望江路支行",
    },
  },
  qimingxing: {
    owner: { email: "qimingxing@weigongyi.demo", name: "孙雅琴" },
    fields: {
      kind: "registered",
      name: "合肥市蜀山区启明星儿童成长服务中心",
      uscc: "52340104MJ2C7D4R48",
      orgType: "private_non_enterprise",
      sponsorCommunity: null,
      filingNumber: null,
      responsiblePerson: "孙雅琴",
      contactName: "孙雅琴",
      contactPhone: "18655107321",
      community: "金寨路社区",
      address: "合肥市蜀山区南七街道金寨路 318 号 3 幢 102 室",
      registeredOn: "2019-04-22",
      rating: "3A",
      ratingExpiresOn: "2028-12-31",
      introduction: "专注儿童课后服务与困境儿童关爱的社会服务机构，有专职社工 5 名、心理咨询师 2 名。",
      serviceExperience: "运营两个社区“四点半课堂”，2024 年服务双职工家庭儿童 6,800 余人次。",
      bankAccountName: "合肥市蜀山区启明星儿童成长服务中心",
      bankAccountNumber: "1302 0134 0900 0271 856",
      bankName: "中国工商银行合肥金寨路支行",
    },
  },
  cixiao: {
    owner: { email: "cixiao@weigongyi.demo", name: "刘德厚" },
    fields: {
      kind: "registered",
      name: "合肥市蜀山区慈孝养老服务协会",
      uscc: "51340104MJ3N6P2W1A",
      orgType: "social_group",
      sponsorCommunity: null,
      filingNumber: null,
      responsiblePerson: "刘德厚",
      contactName: "陈秀兰",
      contactPhone: "13705517788",
      community: "幸福社区",
      address: "合肥市蜀山区南七街道幸福社区养老服务站",
      registeredOn: "2016-11-08",
      rating: "3A",
      ratingExpiresOn: "2027-10-31",
      introduction: "由辖区养老服务机构、老年餐桌和热心居民组成的社会团体，会员单位 23 家。",
      serviceExperience: "协助街道运营两处老年助餐点，2024 年助餐 4.1 万人次。",
      bankAccountName: "合肥市蜀山区慈孝养老服务协会",
      bankAccountNumber: "1858 0101 0400 3321 0",
      bankName: "徽商银行合肥南七支行",
    },
  },
  kangle: {
    owner: { email: "kangle@weigongyi.demo", name: "何文静" },
    fields: {
      kind: "registered",
      name: "合肥市蜀山区康乐助残服务中心",
      uscc: "52340104MJ4B8E5HXU",
      orgType: "private_non_enterprise",
      sponsorCommunity: null,
      filingNumber: null,
      responsiblePerson: "何文静",
      contactName: "何文静",
      contactPhone: "15805690412",
      community: "和平社区",
      address: "合肥市蜀山区南七街道和平社区残疾人之家",
      registeredOn: "2020-08-15",
      rating: null,
      ratingExpiresOn: null,
      introduction: "为辖区残疾人提供康复陪伴、技能培训和辅助就业的民办非企业单位，康复治疗师 2 名。",
      serviceExperience: "运营和平社区残疾人之家，日常服务智力、肢体残疾人 42 名。",
      bankAccountName: "合肥市蜀山区康乐助残服务中心",
      bankAccountNumber: "6217 0016 3001 4528 661",
      bankName: "中国建设银行合肥南七支行",
    },
  },
  hongyuan: {
    owner: { email: "hongyuan@weigongyi.demo", name: "张桂芳" },
    fields: {
      name: "南七社区红园小区邻里互助队",
      community: "南七社区",
      sponsorCommunity: "南七社区居民委员会",
      filingNumber: "SSQ-NQ-2023-012",
      responsiblePerson: "张桂芳",
      contactName: "张桂芳",
      contactPhone: "13866172095",
      address: "合肥市蜀山区南七街道红园小区 12 栋物业楼",
      registeredOn: "2023-05-10",
      introduction: "红园小区退休职工和楼栋长自发组成的互助队，队员 26 人，承担老旧小区楼道巡查和上门帮扶。",
      serviceExperience: "2023 年以来为小区困难家庭、独居老人上门维修小家电 300 余次。",
    },
  },
  heping: {
    owner: { email: "heping@weigongyi.demo", name: "吴晓燕" },
    fields: {
      name: "和平社区巾帼志愿服务队",
      community: "和平社区",
      sponsorCommunity: "和平社区居民委员会",
      filingNumber: "SSQ-NQ-2022-004",
      responsiblePerson: "吴晓燕",
      contactName: "吴晓燕",
      contactPhone: "13637091156",
      address: "合肥市蜀山区南七街道和平社区妇女之家",
      registeredOn: "2022-03-08",
      introduction: "社区妇联牵头、由宝妈和退休女教师组成的志愿服务队，队员 38 人。",
      serviceExperience: "2024 年开展亲子阅读、家庭教育活动 46 场，结对困境家庭 12 户。",
    },
  },
  jinzhailu: {
    owner: { email: "jinzhailu@weigongyi.demo", name: "马国平" },
    fields: {
      name: "金寨路社区银发先锋志愿服务队",
      community: "金寨路社区",
      sponsorCommunity: "金寨路社区居民委员会",
      filingNumber: "SSQ-NQ-2021-009",
      responsiblePerson: "马国平",
      contactName: "马国平",
      contactPhone: "13505514630",
      address: "合肥市蜀山区南七街道金寨路社区居委会",
      registeredOn: "2021-10-01",
      introduction: "退休医务人员和党员组成的健康志愿服务队，队员 19 人，其中退休医生、护士 7 人。",
      serviceExperience: "每月在社区健康小屋开展义诊和健康讲座，累计服务 2,600 余人次。",
    },
  },
  qingchun: {
    owner: { email: "qingchun@weigongyi.demo", name: "许若楠" },
    fields: {
      name: "南七街道青春助学志愿服务队",
      community: "幸福社区",
      sponsorCommunity: "幸福社区居民委员会",
      filingNumber: "SSQ-NQ-2024-021",
      responsiblePerson: "许若楠",
      contactName: "许若楠",
      contactPhone: "18756023917",
      address: "合肥市蜀山区南七街道幸福社区新时代文明实践站",
      registeredOn: "2024-09-10",
      introduction: "辖区高校学生和青年教师组成的助学志愿服务队，在册志愿者 54 人。",
      serviceExperience: "2024 年秋季起每周末为流动儿童开展课业辅导，累计 700 余人次。",
    },
  },
} satisfies Record<string, DemoOrganization>;

type OrganizationKey = keyof typeof organizations;

// ---- the proposals ----

/** A moment of a proposal's history: so many days before the seed runs, at a time of day in China. */
interface When {
  daysAgo: number;
  at: `${number}:${number}`;
}

/**
 * A file the applicant attaches: "budget" is the budget workbook (预算明细表.xlsx) built from the proposal's lines as
 * they stand; "certificate" a copy of the organisation's registration certificate, or of a team's filing with its
 * residents' committee; any other document is a one-page PDF with a few lines of ASCII text (the PDF's built-in
 * font has no Chinese; the Chinese is in the name).
 */
type DemoFile = "budget" | "certificate" | { name: string; lines: string[] };

type Step =
  | { screen: ScreeningDecision; comment: string; when: When }
  /**
   * The applicant revises a returned proposal, attaches files (a file of the same name replaces the one attached
   * before) and hands it in again as the next version.
   */
  | { resubmit: (content: ProposalContent) => ProposalContent; attach?: DemoFile[]; when: When };

/** cost category, item, unit price (yuan), quantity, unit, funding source, basis of calculation */
type Line = [CostCategory, string, number, number, string, FundingSource, string];
/** days after the project starts, title, deliverable */
type Stone = [number, string, string];
type Target = [IndicatorCode | { name: string; unit: string }, number, Partial<Record<StandardTargetGroup, number>>?];

/** What the applicant writes in the form's text fields. */
type ProposalText = Pick<
  ProposalContent,
  "title" | "summary" | "needs" | "goals" | "activityPlan" | "innovation" | "sustainability" | "risks"
>;

interface DemoProposal {
  organization: OrganizationKey;
  focusArea: string;
  targetGroups: StandardTargetGroup[];
  community: string;
  /** The project period, in days after the program's implementation period starts. */
  period: [number, number];
  beneficiaries: number;
  text: ProposalText;
  team: [string, string, string][];
  budget: Line[];
  milestones: Stone[];
  targets: Target[];
  /** Attached shortly before the first submission. */
  attachments?: DemoFile[];
  submitted: When;
  then?: Step[];
}

const proposals: DemoProposal[] = [
  {
    organization: "tongxin",
    focusArea: "为老服务",
    targetGroups: ["elderly"],
    community: "南七街道南七社区",
    period: [0, 240],
    beneficiaries: 80,
    text: {
      title: "银龄守护·独居老人居家安全智能监护",
      summary:
        "为南七社区 80 户独居、空巢老人免费安装烟感、燃气报警器和一键呼叫按钮，社工和志愿者每月上门巡访，报警信息同步推送到社区网格员和家属，守住老人居家安全。",
      needs:
        "南七社区 60 岁以上老人 2,870 人，独居、空巢 312 人，多住在 20 世纪 90 年代建成的老旧小区。2025 年社区处置老人居家险情 9 起，其中 3 起因发现不及时造成伤害。",
      goals: "八个月内完成 80 户安全评估和设备安装，每户每月巡访一次，险情平均响应时间不超过 15 分钟。",
      activityPlan:
        "第一阶段入户评估、建立安全档案；第二阶段安装设备并培训老人使用；第三阶段每月巡访、每季度开展一次居家安全讲座；第四阶段回访评估、形成案例集。",
      innovation: "报警信息接入社区网格平台，网格员、家属、志愿者三方同时收到，就近响应。",
      sustainability: "设备通讯费第二年起由社区慈善基金和家属分担，巡访纳入社区“邻里守望”常态机制。",
      risks: "老人不会使用设备：安装后手把手教学并每月复查；设备误报：与供货方约定一年免费维护。",
    },
    team: [
      ["周慧敏", "项目负责人", "中级社会工作师"],
      ["钱立新", "巡访督导", "助理社会工作师"],
      ["王海燕", "志愿者协调", "红十字救护员证"],
    ],
    budget: [
      ["activity_materials", "独立式烟感报警器", 85, 80, "个", "grant", "85 元/个 × 80 户"],
      ["activity_materials", "燃气泄漏报警器", 110, 40, "个", "grant", "使用管道燃气的 40 户"],
      ["activity_materials", "一键呼叫按钮及一年通讯服务", 65, 40, "套", "grant", "高龄独居 40 户"],
      ["expert_fees", "居家安全与急救培训讲师劳务", 500, 3, "场", "grant", "每季度一场"],
      ["personnel", "社工上门巡访补贴", 30, 80, "人次", "grant", "30 元/人次"],
      ["publicity", "居家安全手册印制", 5, 200, "册", "grant", "印刷厂报价"],
      ["management", "项目管理费（财务核算、档案整理）", 1000, 1, "项", "grant", "不超过资助金额的 10%"],
      ["other", "报警设备上门安装调试", 40, 80, "户", "partner_match", "辖区燃气公司志愿服务队配套"],
      ["venue", "培训场地（社区活动室）", 300, 3, "场", "self_raised", "南七社区无偿提供，按市场价折算"],
      ["transport", "志愿者交通补贴", 12, 120, "人次", "self_raised", "机构自筹"],
    ],
    milestones: [
      [30, "完成 80 户入户评估并建立安全档案", "评估表、老人安全档案"],
      [75, "完成设备安装和使用培训", "安装签收单、培训签到表"],
      [150, "中期巡访和居家安全讲座", "巡访记录、讲座照片"],
      [240, "回访评估与案例总结", "满意度问卷、案例集"],
    ],
    targets: [
      ["beneficiaries", 80],
      ["service_visits", 720, { elderly: 720 }],
      ["satisfaction", 95],
    ],
    attachments: ["budget", "certificate"],
    submitted: { daysAgo: 6, at: "09:40" },
    then: [
      { screen: "eligible", comment: "材料齐全，预算测算清楚，进入初审评审。", when: { daysAgo: 3, at: "10:20" } },
    ],
  },
  {
    organization: "tongxin",
    focusArea: "助残服务",
    targetGroups: ["disabled"],
    community: "南七街道南七社区",
    period: [10, 250],
    beneficiaries: 36,
    text: {
      title: "助残同行·重度残疾人居家康复陪伴",
      summary:
        "组织康复治疗师和志愿者为 36 名居家重度残疾人提供每月一次上门康复指导和每周一次陪伴，培训家属照护技能，减轻家庭照护负担。",
      needs:
        "南七社区持证重度残疾人 58 名，其中 36 名长期卧床或行动不便，家属普遍缺乏康复和护理知识，2025 年需求调查中 83% 的家庭希望获得上门康复指导。",
      goals: "36 名残疾人每月接受一次上门康复指导，24 个家庭的主要照护者掌握基本康复和防褥疮护理方法。",
      activityPlan:
        "第一阶段康复评估、制定个案计划；第二阶段康复师每月上门指导、志愿者每周陪伴；第三阶段开展家属照护培训 6 场；第四阶段复评和总结。",
      innovation: "康复师、社区医生、志愿者“三人小组”包户，个案计划随评估结果调整。",
      sustainability: "与社区卫生服务中心家庭医生签约服务衔接，项目结束后转入家庭医生随访。",
      risks: "上门安全：两人一组并购买保险；病情变化：康复师发现异常当天转介社区医生。",
    },
    team: [
      ["周慧敏", "项目负责人", "中级社会工作师"],
      ["李卫东", "康复指导", "康复治疗师（初级）"],
    ],
    budget: [
      ["expert_fees", "康复治疗师上门指导", 200, 48, "次", "grant", "200 元/次，每月 4 户轮换"],
      ["activity_materials", "康复训练辅具（弹力带、握力器、防褥疮垫）", 150, 36, "套", "grant", "每户一套"],
      ["personnel", "陪伴志愿者餐补", 20, 144, "人次", "grant", "每周 3 人次"],
      ["publicity", "康复知识折页", 3, 300, "份", "grant", "印刷厂报价"],
      ["transport", "康复师交通补贴", 30, 48, "次", "grant", "每次往返打车"],
      ["management", "项目管理费", 1200, 1, "项", "grant", "不超过资助金额的 10%"],
      ["expert_fees", "社区医生义诊", 300, 8, "次", "partner_match", "南七社区卫生服务中心配套"],
      ["other", "志愿者意外保险", 30, 40, "人", "self_raised", "机构自筹"],
      ["venue", "家属照护培训场地", 300, 6, "场", "self_raised", "社区活动室折价"],
      ["activity_materials", "康复评估量表", 25, 36, "份", "self_raised", "机构自筹"],
    ],
    milestones: [
      [30, "完成 36 户康复评估和个案计划", "评估表、个案计划"],
      [120, "上门康复指导过半", "服务记录表"],
      [180, "完成 6 场家属照护培训", "培训签到表、照片"],
      [240, "复评与总结", "复评报告、家属反馈"],
    ],
    targets: [
      ["beneficiaries", 36],
      ["service_visits", 620, { disabled: 620 }],
      ["volunteers", 20],
    ],
    attachments: ["budget"],
    submitted: { daysAgo: 2, at: "16:05" },
  },
  {
    organization: "qimingxing",
    focusArea: "儿童关爱",
    targetGroups: ["children"],
    community: "南七街道金寨路社区",
    period: [0, 230],
    beneficiaries: 60,
    text: {
      title: "四点半课堂·双职工家庭儿童课后托管",
      summary:
        "在金寨路社区为 60 名双职工家庭小学生提供放学后的作业辅导和科学、书法兴趣课，由社工、大学生志愿者和兴趣老师共同带班，解决“三点半”接送难题。",
      needs:
        "金寨路社区有小学生 640 余名，双职工家庭约占六成。2025 年家长问卷显示，72% 的家庭放学后无人接送看护，孩子多在校门口托管班或独自在家。",
      goals: "学期内每周一至周五开班，60 名儿童按时完成作业，家长满意度 90% 以上。",
      activityPlan:
        "第一阶段招生、签订安全协议；第二阶段日常托管与作业辅导；第三阶段每周两节兴趣课；第四阶段学期末成果展和评估。",
      innovation: "家长志愿者轮值，托管服务与社区儿童议事会结合，孩子参与课堂规则制定。",
      sustainability: "探索家长低偿分担与社区慈善基金补贴结合的运营方式。",
      risks: "儿童安全：实行签到签退和家长当面交接；食品安全：点心由持证商户统一配送并留样。",
    },
    team: [
      ["孙雅琴", "项目负责人", "助理社会工作师"],
      ["韩明", "课程主管", "小学教师资格证"],
    ],
    budget: [
      ["expert_fees", "兴趣课程讲师劳务（科学实验、书法）", 300, 20, "节", "grant", "300 元/节"],
      ["activity_materials", "课后辅导学习用品及图书", 40, 60, "份", "grant", "每名儿童一份"],
      ["activity_materials", "科学实验材料包", 35, 120, "份", "grant", "每人每学期两份"],
      ["meals", "课后营养点心", 5, 1200, "份", "grant", "5 元/份"],
      ["personnel", "大学生志愿者交通餐补", 25, 200, "人次", "grant", "25 元/人次"],
      ["publicity", "招生海报及成果展", 800, 1, "批", "grant", "广告公司报价"],
      ["management", "项目管理费", 1500, 1, "项", "grant", "不超过资助金额的 10%"],
      ["venue", "托管教室水电及空调", 500, 9, "月", "self_raised", "社区提供，按月折价"],
      ["other", "学生意外伤害保险", 20, 60, "人", "partner_match", "保险公司公益支持"],
      ["other", "家长互助金", 1500, 1, "项", "self_raised", "家长委员会自筹"],
    ],
    milestones: [
      [20, "完成招生和安全协议签订", "报名表、安全协议"],
      [90, "兴趣课开课过半", "课程记录、照片"],
      [180, "期中家长座谈会", "会议记录、问卷"],
      [230, "学期成果展与评估", "成果展照片、评估报告"],
    ],
    targets: [
      ["beneficiaries", 60],
      ["service_visits", 5400, { children: 5400 }],
      ["satisfaction", 90],
    ],
    attachments: ["budget", "certificate"],
    submitted: { daysAgo: 6, at: "14:20" },
    then: [{ screen: "eligible", comment: "", when: { daysAgo: 3, at: "10:35" } }],
  },
  {
    organization: "qimingxing",
    focusArea: "儿童关爱",
    targetGroups: ["children", "needy"],
    community: "南七街道金寨路社区",
    period: [15, 240],
    beneficiaries: 30,
    text: {
      title: "护苗成长·困境儿童心理陪伴",
      summary:
        "为金寨路社区 30 名困境儿童（父母服刑、重病或单亲低保家庭）提供心理测评、个案辅导和团体沙盘活动，社工定期家访，帮助孩子建立安全感和同伴支持。",
      needs:
        "社区在册困境儿童 34 名，学校反映其中多人存在厌学、退缩等情况，家长无力关注孩子情绪，社区缺少专业心理服务力量。",
      goals: "30 名儿童完成心理测评，其中需重点关注的 12 名接受不少于 8 次个案辅导，测评改善率 70% 以上。",
      activityPlan:
        "第一阶段测评建档；第二阶段个案辅导和每月团体沙盘；第三阶段家访和家长课堂；第四阶段复测和结案评估。",
      innovation: "以沙盘游戏降低儿童表达门槛，辅导记录与学校心理老师共享（经监护人同意）。",
      sustainability: "培养社区儿童主任掌握基础心理支持方法，项目结束后继续跟进。",
      risks: "隐私保护：档案加密保存、只用化名；危机个案：发现自伤风险立即转介专业医疗机构。",
    },
    team: [
      ["孙雅琴", "项目负责人", "助理社会工作师"],
      ["林晓", "心理辅导", "心理咨询师"],
    ],
    budget: [
      ["expert_fees", "心理咨询师个案辅导", 300, 24, "次", "grant", "300 元/次"],
      ["expert_fees", "团体沙盘辅导", 400, 8, "场", "grant", "每月一场"],
      ["activity_materials", "儿童心理测评量表", 80, 30, "份", "grant", "测评机构报价"],
      ["activity_materials", "沙盘游戏耗材", 600, 1, "批", "grant", "沙具补充"],
      ["personnel", "社工跟进补贴", 30, 90, "人次", "grant", "30 元/人次"],
      ["transport", "家访交通补贴", 15, 60, "次", "grant", "15 元/次"],
      ["management", "项目管理费", 1000, 1, "项", "grant", "不超过资助金额的 10%"],
      ["venue", "社区心理咨询室使用", 200, 18, "次", "self_raised", "社区提供，按次折价"],
      ["activity_materials", "儿童成长档案与文具", 40, 30, "份", "partner_match", "爱心企业资助"],
    ],
    milestones: [
      [20, "完成 30 名儿童心理测评和建档", "测评报告（化名）"],
      [100, "个案辅导过半", "辅导记录"],
      [160, "家长课堂与家访", "签到表、家访记录"],
      [225, "复测与结案评估", "复测对比报告"],
    ],
    targets: [
      ["beneficiaries", 30, { children: 30 }],
      ["activities", 40],
      [{ name: "心理测评改善率", unit: "%" }, 70],
    ],
    attachments: ["budget"],
    submitted: { daysAgo: 5, at: "11:10" },
    then: [
      {
        screen: "returned",
        comment:
          "1. 请补充心理辅导人员的资质证明；2.“儿童心理测评量表”每份 80 元偏高，请附询价依据；3. 第三阶段的交付物请写明可检验的材料。",
        when: { daysAgo: 4, at: "15:30" },
      },
      {
        resubmit: (content) => ({
          ...content,
          teamMembers: [...content.teamMembers, { name: "郑蕾", role: "督导", qualification: "国家二级心理咨询师" }],
          risks: `${content.risks}危机个案由督导郑蕾当日复核评估，并陪同转介。`,
          budgetLines: content.budgetLines.map((line) =>
            line?.item === "儿童心理测评量表"
              ? { ...line, unitPriceFen: 4_500, basis: "三家测评机构询价，取最低价 45 元/份（询价单附后）" }
              : line,
          ),
          milestones: content.milestones.map((stone) =>
            stone?.title === "家长课堂与家访"
              ? { ...stone, deliverable: "家长课堂签到表、30 户家访记录表、家长反馈问卷" }
              : stone,
          ),
        }),
        attach: [
          "budget",
          {
            name: "督导心理咨询师资格证书（复印件）.pdf",
            lines: [
              "Certificate of Psychological Counsellor, Level 2 (copy)",
              "Holder: Zheng Lei",
              "Supervisor of the project, see the team list of the proposal",
            ],
          },
        ],
        when: { daysAgo: 2, at: "21:15" },
      },
    ],
  },
  {
    organization: "cixiao",
    focusArea: "为老服务",
    targetGroups: ["elderly"],
    community: "南七街道幸福社区",
    period: [0, 255],
    beneficiaries: 120,
    text: {
      title: "长者食堂·高龄老人助餐送餐",
      summary:
        "依托幸福社区老年助餐点，为 80 岁以上和失能老人提供每餐补贴 5 元的助餐服务，对行动不便的 30 位老人由志愿者每天送餐上门，顺带探视。",
      needs:
        "幸福社区 80 岁以上老人 410 人，助餐点日均就餐 95 人次，但其中行动不便、无法到店的老人约 30 位，子女白天上班，吃饭靠凑合。",
      goals: "助餐 3,000 餐次，30 位行动不便老人每天有人送餐上门，送餐同时完成一次安全探视。",
      activityPlan:
        "第一阶段核定助餐对象；第二阶段助餐点优惠供餐、志愿者分片送餐；第三阶段营养师每季度调整菜单；第四阶段满意度调查与总结。",
      innovation: "送餐与探视合一，送餐志愿者发现异常当天报社区网格员。",
      sustainability: "合作餐饮企业长期让利，协会会员单位轮流承担送餐志愿服务。",
      risks: "食品安全：合作餐企持证经营并留样；送餐途中意外：志愿者购买保险、配备保温箱。",
    },
    team: [
      ["刘德厚", "项目负责人", "养老护理员（高级）"],
      ["陈秀兰", "助餐点管理", "公共营养师"],
    ],
    budget: [
      ["meals", "高龄老人助餐补贴", 5, 3000, "餐", "grant", "每餐补贴 5 元"],
      ["transport", "送餐志愿者交通补贴", 10, 400, "人次", "grant", "10 元/人次"],
      ["activity_materials", "保温送餐箱", 120, 10, "个", "grant", "商家报价"],
      ["personnel", "送餐志愿者餐补", 15, 200, "人次", "grant", "15 元/人次"],
      ["publicity", "助餐服务宣传单", 600, 1, "批", "grant", "印刷厂报价"],
      ["expert_fees", "营养师膳食指导", 400, 4, "次", "grant", "每季度一次"],
      ["management", "项目管理费", 1500, 1, "项", "grant", "不超过资助金额的 10%"],
      ["meals", "合作餐企每餐让利", 3, 3000, "餐", "partner_match", "合作餐饮企业每餐让利 3 元"],
      ["other", "协会会员捐赠", 1000, 1, "项", "self_raised", "会员单位捐赠"],
    ],
    milestones: [
      [15, "核定助餐和送餐对象", "助餐对象名单"],
      [90, "送餐服务常态运行", "送餐登记表"],
      [180, "营养菜单调整和中期回访", "菜单、回访记录"],
      [255, "满意度调查与总结", "问卷、总结报告"],
    ],
    targets: [
      ["service_visits", 3000, { elderly: 3000 }],
      ["beneficiaries", 120],
      ["volunteer_hours", 600],
    ],
    attachments: ["budget", "certificate"],
    submitted: { daysAgo: 5, at: "09:15" },
  },
  {
    organization: "cixiao",
    focusArea: "为老服务",
    targetGroups: ["elderly"],
    community: "南七街道幸福社区",
    period: [20, 200],
    beneficiaries: 150,
    text: {
      title: "银龄课堂·老年人智能手机与防诈骗",
      summary:
        "开设 12 期老年人智能手机课堂，教会老人视频通话、扫码就医、移动支付，并邀请民警讲解常见诈骗手法，帮老人跨越数字鸿沟、守住钱袋子。",
      needs: "2025 年幸福社区老人智能手机使用调查显示，61% 的老人不会线上挂号，近一年社区有 5 位老人遭遇电信诈骗。",
      goals: "150 名老人完成课程，80% 能独立完成线上挂号和视频通话。",
      activityPlan: "第一阶段报名分班；第二阶段每期 4 次课；第三阶段防诈骗讲座 4 场；第四阶段结业考核。",
      innovation: "“一对一”助教结对，课后由助教回访练习情况。",
      sustainability: "结业学员中选拔“银龄助教”，带教下一期学员。",
      risks: "学员进度不一：分基础班和提高班；个人信息安全：课上只用演示账号。",
    },
    team: [
      ["陈秀兰", "项目负责人", "社区工作者"],
      ["黄伟", "讲师", "计算机专业教师"],
    ],
    budget: [
      ["expert_fees", "智能手机培训讲师", 300, 12, "期", "grant", "300 元/期"],
      ["expert_fees", "防诈骗讲座讲师", 400, 4, "场", "grant", "400 元/场"],
      ["activity_materials", "培训手册印制", 8, 150, "册", "grant", "印刷厂报价"],
      ["personnel", "助教志愿者补贴", 20, 96, "人次", "grant", "20 元/人次"],
      ["publicity", "招生海报", 300, 1, "批", "grant", "印刷厂报价"],
      ["management", "项目管理费", 600, 1, "项", "grant", "不超过资助金额的 10%"],
      ["other", "流量卡及手机调试服务", 15, 150, "人", "partner_match", "通信运营商公益支持"],
      ["venue", "社区老年学校教室", 200, 16, "次", "self_raised", "社区提供，按次折价"],
    ],
    milestones: [
      [15, "报名分班", "报名表、分班名单"],
      [90, "完成前 6 期课程", "签到表、照片"],
      [150, "防诈骗讲座", "讲座签到表"],
      [180, "结业考核", "考核记录"],
    ],
    targets: [
      ["beneficiaries", 150],
      ["activities", 52],
      ["satisfaction", 90],
    ],
    attachments: ["certificate"],
    submitted: { daysAgo: 4, at: "10:00" },
    then: [
      {
        screen: "ineligible",
        comment:
          "经核实，该项目与贵协会已获区民政局 2026 年老年教育专项资助的“智慧助老”项目内容基本重复，按本届大赛“不重复资助”的规定，不予受理。",
        when: { daysAgo: 1, at: "11:20" },
      },
    ],
  },
  {
    organization: "kangle",
    focusArea: "助残服务",
    targetGroups: ["disabled"],
    community: "南七街道和平社区",
    period: [10, 250],
    beneficiaries: 25,
    text: {
      title: "巧手工坊·残障人士手工技能与辅助就业",
      summary:
        "在和平社区残疾人之家开设串珠、剪纸、布艺手工坊，教 25 名智力和肢体残疾人掌握一门手艺，作品通过爱心义卖和企业订单销售，增加收入、融入社区。",
      needs:
        "和平社区残疾人之家日常服务 42 人，其中 25 人有劳动意愿但难以进入普通岗位，家属希望他们“有事做、有点收入”。",
      goals: "25 名学员每周参加两次手工课，其中 15 人能独立完成订单作品，学员人均增收 1,200 元。",
      activityPlan:
        "第一阶段能力评估与分组；第二阶段分项技能教学；第三阶段承接企业订单和社区义卖；第四阶段成果展与评估。",
      innovation: "与辖区企业签订采购意向，作品作为企业节日礼品，收入直接归学员。",
      sustainability: "义卖收入滚动购买原材料，手工坊由残疾人之家长期运营。",
      risks: "学员安全：使用工具时一对一看护；订单不足：拓展社区市集和线上义卖。",
    },
    team: [
      ["何文静", "项目负责人", "助理社会工作师"],
      ["杨春梅", "手工老师", "非遗剪纸传承人"],
    ],
    budget: [
      ["expert_fees", "手工技能老师劳务", 300, 30, "次", "grant", "300 元/次"],
      ["activity_materials", "手工原材料", 120, 50, "份", "grant", "每人两份"],
      ["personnel", "助残志愿者补贴", 25, 120, "人次", "grant", "25 元/人次"],
      ["transport", "学员接送交通补贴", 15, 200, "人次", "grant", "15 元/人次"],
      ["publicity", "作品义卖展", 1000, 1, "场", "grant", "展台搭建"],
      ["management", "项目管理费", 1200, 1, "项", "grant", "不超过资助金额的 10%"],
      ["venue", "残疾人之家场地", 400, 10, "月", "partner_match", "和平社区无偿提供"],
      ["other", "学员意外保险", 40, 25, "人", "self_raised", "机构自筹"],
      ["activity_materials", "义卖收入滚动购料", 1500, 1, "批", "self_raised", "义卖收入"],
    ],
    milestones: [
      [20, "能力评估与分组", "评估表"],
      [100, "完成基础技能教学", "课程记录、作品照片"],
      [180, "承接第一批企业订单", "订单和销售记录"],
      [240, "成果展与评估", "成果展照片、评估报告"],
    ],
    targets: [
      ["beneficiaries", 25, { disabled: 25 }],
      ["activities", 60],
      [{ name: "学员人均增收", unit: "元" }, 1200],
    ],
    attachments: ["budget"],
    submitted: { daysAgo: 4, at: "16:45" },
  },
  {
    organization: "hongyuan",
    focusArea: "困难帮扶",
    targetGroups: ["needy", "elderly"],
    community: "南七街道南七社区（红园小区）",
    period: [0, 200],
    beneficiaries: 40,
    text: {
      title: "邻里守望·困难家庭微心愿",
      summary:
        "收集红园小区 40 户低保、低边和独居困难家庭的“微心愿”，由互助队上门维修小家电、疏通水电，物品类心愿由周边爱心商户认领。",
      needs:
        "红园小区建于 1994 年，困难家庭 41 户，多为老人独居。2025 年楼栋走访收集到修台灯、换水龙头等小心愿 70 余个，找不到人帮忙。",
      goals: "半年内实现 60 个微心愿，认领率 90% 以上。",
      activityPlan: "第一阶段入户收集心愿、上墙公示；第二阶段商户认领、志愿者上门维修；第三阶段回访和心愿故事分享。",
      innovation: "心愿墙设在小区物业楼，居民扫码即可认领。",
      sustainability: "爱心商户联盟长期认领，维修队纳入小区志愿服务积分。",
      risks: "维修安全：涉电作业由持证电工带队；心愿真实性：社区网格员核实。",
    },
    team: [
      ["张桂芳", "队长", "楼栋长"],
      ["赵建军", "维修组长", "电工证"],
    ],
    budget: [
      ["activity_materials", "小家电及水电维修配件", 30, 60, "件", "grant", "按心愿清单估算"],
      ["activity_materials", "心愿卡及心愿墙制作", 300, 1, "批", "grant", "广告店报价"],
      ["personnel", "维修志愿者交通餐补", 20, 50, "人次", "grant", "20 元/人次"],
      ["publicity", "认领活动宣传", 200, 1, "批", "grant", "海报、展板"],
      ["transport", "物资配送", 100, 4, "次", "grant", "面包车租用"],
      ["other", "爱心商户认领微心愿（物资折价）", 2400, 1, "批", "partner_match", "周边 6 家商户认领"],
      ["other", "居民小额捐赠", 10, 50, "人", "self_raised", "居民自愿捐赠"],
    ],
    milestones: [
      [20, "入户收集微心愿并上墙", "心愿清单、照片"],
      [100, "完成 30 个微心愿", "认领登记表、回访记录"],
      [200, "完成 60 个微心愿并总结", "心愿故事、受益人确认"],
    ],
    targets: [
      ["wishes_fulfilled", 60],
      ["beneficiaries", 40, { needy: 28, elderly: 12 }],
      ["volunteers", 26],
    ],
    attachments: ["certificate"],
    submitted: { daysAgo: 3, at: "19:30" },
  },
  {
    organization: "hongyuan",
    focusArea: "为老服务",
    targetGroups: ["elderly"],
    community: "南七街道南七社区（红园小区）",
    period: [5, 180],
    beneficiaries: 60,
    text: {
      title: "楼道平安·老旧小区独居老人用电用气安全巡查",
      summary:
        "互助队联合物业电工，每月对红园小区 60 户独居老人家中的插排、电线和燃气软管做一次安全巡查，为老化插排、软管免费更换。",
      needs: "红园小区线路老化，2025 年发生两起老人家中插排起火，燃气软管超期使用的住户占三成。",
      goals: "60 户独居老人每月巡查一次，老化插排、燃气软管更换率 100%。",
      activityPlan: "第一阶段建立巡查台账；第二阶段每月入户巡查；第三阶段更换老化设施；第四阶段总结。",
      innovation: "巡查结果标注在小区楼栋图上，物业和社区同步掌握隐患。",
      sustainability: "巡查纳入物业日常服务，互助队继续协助。",
      risks: "入户安全：两人一组；更换质量：使用 3C 认证产品。",
    },
    team: [
      ["张桂芳", "队长", "楼栋长"],
      ["赵建军", "巡查组长", "电工证"],
    ],
    budget: [
      ["activity_materials", "插座安全检测仪与验电笔", 80, 4, "套", "grant", "每组一套"],
      ["activity_materials", "老化插排更换", 35, 60, "个", "grant", "3C 认证产品"],
      ["activity_materials", "燃气软管更换", 25, 40, "根", "grant", "燃气公司指定型号"],
      ["personnel", "巡查志愿者补贴", 20, 30, "人次", "grant", "20 元/人次"],
      ["publicity", "安全提示贴", 0.5, 400, "张", "grant", "印刷厂报价"],
      ["expert_fees", "电工义务巡检", 150, 8, "次", "partner_match", "物业公司配套"],
      ["other", "志愿者保险", 10, 20, "人", "self_raised", "互助队自筹"],
    ],
    milestones: [
      [15, "建立 60 户巡查台账", "巡查台账"],
      [90, "完成老化设施更换", "更换记录、签收单"],
      [175, "巡查总结", "巡查报告"],
    ],
    targets: [
      ["beneficiaries", 60],
      ["service_visits", 360, { elderly: 360 }],
      ["volunteer_hours", 240],
    ],
    attachments: ["budget"],
    submitted: { daysAgo: 3, at: "20:10" },
    then: [
      {
        screen: "returned",
        comment:
          "1. 插排、燃气软管属于入户更换的实物，请说明受益老人的确定办法和签收方式；2. 请补充与物业公司的合作确认函；3. 巡查涉及入户用电用气，请补充志愿者培训和安全责任安排。",
        when: { daysAgo: 1, at: "15:00" },
      },
    ],
  },
  {
    organization: "heping",
    focusArea: "困难帮扶",
    targetGroups: ["needy", "children"],
    community: "南七街道和平社区",
    period: [0, 240],
    beneficiaries: 20,
    text: {
      title: "巾帼暖心·困境家庭结对帮扶",
      summary:
        "巾帼志愿者与和平社区 20 户单亲、重病困境家庭一对一结对，每月上门陪伴孩子学习、帮妈妈们链接就业和救助资源，每季度组织一次亲子活动。",
      needs: "和平社区在册困境家庭 27 户，其中单亲母亲家庭 15 户，家长忙于生计，孩子课后缺少陪伴。",
      goals: "20 户家庭全部结对，每户每月至少一次上门，8 位家长获得就业或救助资源链接。",
      activityPlan: "第一阶段入户需求评估、结对；第二阶段每月上门；第三阶段每季度亲子活动；第四阶段总结。",
      innovation: "结对志愿者和家庭共同制定“家庭小目标”，每季度回顾。",
      sustainability: "结对关系纳入社区妇联“姐妹帮帮团”长期运行。",
      risks: "隐私保护：家庭信息只在结对小组内使用；志愿者流失：一户两名志愿者互为替补。",
    },
    team: [
      ["吴晓燕", "队长", "社区妇联执委"],
      ["冯丽", "结对协调", "小学教师"],
    ],
    budget: [
      ["expert_fees", "家庭教育指导讲座", 300, 4, "场", "grant", "300 元/场"],
      ["activity_materials", "亲子活动材料", 40, 30, "份", "grant", "每季度一次"],
      ["personnel", "结对志愿者交通餐补", 15, 80, "人次", "grant", "15 元/人次"],
      ["meals", "亲子活动午餐", 20, 30, "份", "grant", "20 元/份"],
      ["publicity", "活动宣传", 200, 1, "批", "grant", "海报"],
      ["venue", "妇女之家活动室", 200, 6, "次", "self_raised", "社区提供，按次折价"],
      ["other", "爱心企业捐赠学习用品", 1000, 1, "批", "partner_match", "辖区企业配套"],
    ],
    milestones: [
      [30, "完成 20 户结对", "结对名单、家庭小目标"],
      [120, "第二次亲子活动", "签到表、照片"],
      [240, "结对总结", "回访记录、总结"],
    ],
    targets: [
      ["beneficiaries", 20, { needy: 20 }],
      ["service_visits", 240],
      ["volunteers", 40],
    ],
    attachments: ["budget", "certificate"],
    submitted: { daysAgo: 2, at: "10:30" },
  },
  {
    organization: "heping",
    focusArea: "儿童关爱",
    targetGroups: ["children"],
    community: "南七街道和平社区",
    period: [0, 250],
    beneficiaries: 80,
    text: {
      title: "亲子共读·社区儿童绘本馆",
      summary:
        "把和平社区图书室的一角改造成儿童绘本馆，新增 120 册绘本，巾帼志愿者每周六上午讲故事，培养 80 个家庭的亲子共读习惯。",
      needs: "社区 3–8 岁儿童约 260 名，图书室儿童读物不足 100 册，家长希望周末有就近的亲子活动。",
      goals: "每周六开展故事会，全年借阅 1,200 册次，80 个家庭坚持亲子共读。",
      activityPlan: "第一阶段采购绘本、布置阅读角；第二阶段每周故事会；第三阶段读书月活动；第四阶段评选“书香家庭”。",
      innovation: "家长轮流当“故事爸爸”“故事妈妈”，亲子共读打卡。",
      sustainability: "居民捐书持续补充馆藏，志愿者排班长期运营。",
      risks: "图书损耗：借阅登记、定期清点；儿童安全：活动有两名志愿者看护。",
    },
    team: [
      ["吴晓燕", "队长", "社区妇联执委"],
      ["秦雪", "阅读推广", "阅读推广人"],
    ],
    budget: [
      ["activity_materials", "儿童绘本", 25, 120, "册", "grant", "书店团购价"],
      ["expert_fees", "绘本阅读推广人讲座", 300, 3, "场", "grant", "300 元/场"],
      ["activity_materials", "故事会道具", 300, 1, "批", "grant", "手偶、绘本架布置"],
      ["publicity", "读书月海报", 150, 1, "批", "grant", "印刷厂报价"],
      ["personnel", "志愿者补贴", 15, 20, "人次", "grant", "15 元/人次"],
      ["activity_materials", "居民捐书（折价）", 10, 100, "册", "self_raised", "居民捐赠"],
      ["venue", "社区图书室场地", 1200, 1, "年", "partner_match", "和平社区提供"],
    ],
    milestones: [
      [20, "绘本馆布置完成并开放", "照片、馆藏清单"],
      [120, "读书月活动", "活动记录"],
      [245, "评选书香家庭并总结", "评选名单、总结"],
    ],
    targets: [
      ["beneficiaries", 80],
      ["activities", 48],
      [{ name: "绘本借阅", unit: "册次" }, 1200],
    ],
    attachments: ["budget"],
    submitted: { daysAgo: 5, at: "20:45" },
    then: [{ screen: "eligible", comment: "", when: { daysAgo: 2, at: "09:50" } }],
  },
  {
    organization: "jinzhailu",
    focusArea: "为老服务",
    targetGroups: ["elderly"],
    community: "南七街道金寨路社区",
    period: [10, 220],
    beneficiaries: 50,
    text: {
      title: "健康小屋·慢病老人自我管理小组",
      summary:
        "由退休医生、护士带领 50 位高血压、糖尿病老人组成自我管理小组，每两周在社区健康小屋测量、记录、交流，每月一次健康讲座。",
      needs: "金寨路社区在册慢病老人 690 人，家庭医生随访间隔长，老人自我监测和用药依从性差。",
      goals: "50 位老人坚持记录血压、血糖，半年后血压控制达标率提高 15 个百分点。",
      activityPlan: "第一阶段招募建档；第二阶段两周一次小组活动；第三阶段每月讲座；第四阶段效果评估。",
      innovation: "老人互为“健康伙伴”，组长由病情控制好的老人担任。",
      sustainability: "小组纳入家庭医生签约服务，健康小屋长期开放。",
      risks: "突发不适：活动现场配备急救包和 AED，志愿者均有急救证。",
    },
    team: [
      ["马国平", "队长", "退休主治医师"],
      ["苏红", "组织协调", "退休护士长"],
    ],
    budget: [
      ["expert_fees", "社区医生健康讲座", 300, 6, "场", "grant", "300 元/场"],
      ["activity_materials", "血糖试纸及采血针", 3, 400, "份", "grant", "药房报价"],
      ["activity_materials", "健康自我管理手册", 10, 50, "册", "grant", "印刷厂报价"],
      ["personnel", "志愿者补贴", 15, 40, "人次", "grant", "15 元/人次"],
      ["publicity", "招募海报", 200, 1, "批", "grant", "印刷厂报价"],
      ["expert_fees", "家庭医生随访", 1500, 1, "项", "partner_match", "社区卫生服务中心配套"],
      ["other", "志愿者保险", 15, 20, "人", "self_raised", "队员自筹"],
    ],
    milestones: [
      [20, "招募 50 位老人并建档", "健康档案"],
      [110, "中期健康数据对比", "数据汇总表"],
      [210, "效果评估与总结", "评估报告"],
    ],
    targets: [
      ["beneficiaries", 50, { elderly: 50 }],
      ["activities", 20],
      ["satisfaction", 90],
    ],
    submitted: { daysAgo: 2, at: "15:20" },
  },
  {
    organization: "qingchun",
    focusArea: "儿童关爱",
    targetGroups: ["children", "needy"],
    community: "南七街道幸福社区",
    period: [0, 250],
    beneficiaries: 35,
    text: {
      title: "微光课堂·流动儿童周末课业辅导",
      summary: "辖区高校志愿者每周六在幸福社区为 35 名流动儿童辅导功课，每月一次团体心理活动，暑期组织一次科技馆研学。",
      needs: "幸福社区流动人口子女约 120 名，家长多在商圈务工，周末无暇辅导，孩子学习困难、融入难。",
      goals: "35 名儿童每周接受一次课业辅导，学期末 70% 的孩子成绩有提高。",
      activityPlan: "第一阶段招募、测评学习情况；第二阶段每周辅导；第三阶段团体心理活动；第四阶段研学和总结。",
      innovation: "志愿者与孩子“一对一”固定结对一学期，建立成长档案。",
      sustainability: "与高校团委共建实践基地，志愿者按学期轮换。",
      risks: "志愿者考试周缺席：提前排班并设替补；儿童安全：家长接送签字。",
    },
    team: [
      ["许若楠", "队长", "高校辅导员"],
      ["蒋一帆", "学业辅导组长", "师范专业学生"],
    ],
    budget: [
      ["personnel", "大学生志愿者交通餐补", 20, 60, "人次", "grant", "20 元/人次"],
      ["activity_materials", "学习用品与练习册", 30, 35, "份", "grant", "每名儿童一份"],
      ["expert_fees", "心理老师团体辅导", 300, 4, "场", "grant", "300 元/场"],
      ["publicity", "招募宣传", 200, 1, "批", "grant", "海报"],
      ["transport", "科技馆研学交通", 600, 1, "次", "grant", "大巴租用"],
      ["venue", "社区四点半学校教室", 150, 8, "月", "self_raised", "社区提供，按月折价"],
      ["other", "志愿者保险", 10, 30, "人", "partner_match", "高校团委配套"],
    ],
    milestones: [
      [20, "招募结对并完成学习测评", "测评表、结对名单"],
      [120, "期中学习情况回访", "回访记录"],
      [245, "研学活动与学期总结", "照片、成绩对比"],
    ],
    targets: [
      ["beneficiaries", 35, { children: 35 }],
      ["volunteer_hours", 420],
      ["volunteers", 30],
    ],
    submitted: { daysAgo: 1, at: "10:40" },
  },
  {
    organization: "kangle",
    focusArea: "助残服务",
    targetGroups: ["disabled"],
    community: "包河区望湖街道望湖社区",
    period: [0, 180],
    beneficiaries: 200,
    text: {
      title: "无障碍出行·残障人士出行地图绘制",
      summary:
        "组织残障人士和志愿者实地测绘望湖片区的无障碍坡道、电梯和卫生间，绘制纸质和线上无障碍出行地图，并向有关部门提交改进建议。",
      needs: "片区无障碍设施信息分散，轮椅使用者出行前无从查询，常因一处台阶无法通行。",
      goals: "测绘 120 处设施，发布出行地图，提交改进建议 10 条以上。",
      activityPlan: "第一阶段培训测绘志愿者；第二阶段实地测绘；第三阶段地图设计发布；第四阶段建议提交与总结。",
      innovation: "残障人士亲自参与测绘，地图标注“实际可通行”而非“是否设置”。",
      sustainability: "线上地图开放纠错，志愿者每季度更新。",
      risks: "测绘途中安全：轮椅测绘员全程有志愿者陪同；数据准确：每处设施两组交叉核对。",
    },
    team: [
      ["何文静", "项目负责人", "助理社会工作师"],
      ["罗斌", "测绘组长", "测绘工程师"],
    ],
    budget: [
      ["expert_fees", "无障碍设施评估专家", 500, 6, "次", "grant", "500 元/次"],
      ["activity_materials", "地图设计印制", 12, 500, "份", "grant", "设计印刷报价"],
      ["personnel", "实地测绘志愿者补贴", 25, 120, "人次", "grant", "25 元/人次"],
      ["transport", "测绘交通", 20, 100, "人次", "grant", "无障碍出租车"],
      ["publicity", "地图发布会", 1000, 1, "场", "grant", "场地布置"],
      ["management", "项目管理费", 800, 1, "项", "grant", "不超过资助金额的 10%"],
      ["other", "线上地图小程序开发", 3000, 1, "项", "partner_match", "科技企业公益支持"],
      ["other", "机构自筹", 1500, 1, "项", "self_raised", "机构自有资金"],
    ],
    milestones: [
      [20, "测绘志愿者培训", "培训签到表"],
      [90, "完成 120 处设施测绘", "测绘数据表"],
      [150, "地图发布", "纸质地图、小程序上线"],
      [180, "建议提交与总结", "建议书、总结"],
    ],
    targets: [
      ["beneficiaries", 200],
      ["activities", 30],
      [{ name: "测绘无障碍设施", unit: "处" }, 120],
    ],
    attachments: ["budget"],
    submitted: { daysAgo: 6, at: "11:30" },
    then: [
      {
        screen: "ineligible",
        comment:
          "项目实施地点在包河区望湖街道，不在南七街道辖区，不符合本届大赛“实施地和服务对象在本街道辖区”的申报条件。欢迎在辖区内开展类似项目后再次申报。",
        when: { daysAgo: 3, at: "16:10" },
      },
    ],
  },
];

// ---- writing them ----

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
/** A draft is started this long before it is handed in. */
const DRAFTING_MINUTES = 150;
/** A returned proposal's revision is saved this long before it is handed in again. */
const REVISING_MINUTES = 40;
/** The first submission's files are uploaded (with a save of the draft, as the form posts them) this long before. */
const ATTACHING_MINUTES = 20;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function minutesBefore(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) - minutes * MINUTE).toISOString();
}

/** The instant of a moment of the history, counted back from the day the seed runs (in China). */
function instant(seedStartedAt: string, when: When): string {
  const day = addDays(todayInChina(new Date(seedStartedAt)), -when.daysAgo);
  return new Date(`${day}T${when.at}:00+08:00`).toISOString();
}

/** The proposal as the applicant types it into the form, for the demo program. */
function contentFor(proposal: DemoProposal, program: ProgramForProposals): ProposalContent {
  const startsOn = program.program.implementationStartsOn;
  const projectStart = addDays(startsOn, proposal.period[0]);
  const groupId = (code: string) => {
    const group = program.targetGroups.find((candidate) => candidate.code === code);
    if (!group) throw new Error(`the demo program has no target group ${code}`);
    return group.id;
  };
  const target = ([indicator, value, split = {}]: Target): IndicatorTargetInput => ({
    indicator: typeof indicator === "string" ? indicator : CUSTOM_INDICATOR,
    customName: typeof indicator === "string" ? "" : indicator.name,
    customUnit: typeof indicator === "string" ? "" : indicator.unit,
    targetValue: value,
    split: Object.entries(split).map(([code, part]) => ({
      targetGroupId: groupId(code),
      value: part ?? 0,
    })),
  });
  return {
    ...proposal.text,
    programCategoryId: program.categories.find((category) => category.name === proposal.focusArea)?.id ?? null,
    targetGroupIds: proposal.targetGroups.map(groupId),
    serviceCommunity: proposal.community,
    startsOn: projectStart,
    endsOn: addDays(startsOn, proposal.period[1]),
    expectedBeneficiaries: proposal.beneficiaries,
    teamMembers: proposal.team.map(([name, role, qualification]) => ({ name, role, qualification })),
    budgetLines: proposal.budget.map(([category, item, unitPrice, quantity, unit, fundingSource, basis]) => ({
      category,
      item,
      unitPriceFen: Math.round(unitPrice * 100),
      quantityHundredths: Math.round(quantity * 100),
      unit,
      fundingSource,
      basis,
    })),
    milestones: proposal.milestones.map(([day, title, deliverable]) => ({
      title,
      dueOn: addDays(projectStart, day),
      deliverable,
    })),
    indicatorTargets: proposal.targets.map(target),
  };
}

/**
 * Runs one step of a proposal's history through the portal's functions, then dates what it wrote to `at`. The
 * steps run one after another within a second, and every earlier step has already been dated into the past, so
 * whatever is stamped at or after `since` (the moment the proposals began to be written) is this step's.
 */
async function dated<T>(trx: DB, since: string, at: string, step: () => Promise<T>): Promise<T> {
  const result = await step();
  await trx.updateTable("proposal").set({ createdAt: at }).where("createdAt", ">=", since).execute();
  await trx.updateTable("proposal").set({ updatedAt: at }).where("updatedAt", ">=", since).execute();
  await trx.updateTable("proposal").set({ submittedAt: at }).where("submittedAt", ">=", since).execute();
  await trx.updateTable("proposalScreening").set({ decidedAt: at }).where("decidedAt", ">=", since).execute();
  await trx.updateTable("attachment").set({ createdAt: at }).where("createdAt", ">=", since).execute();
  await trx.updateTable("attachment").set({ removedAt: at }).where("removedAt", ">=", since).execute();
  await trx.updateTable("auditEvent").set({ at }).where("at", ">=", since).execute();
  // Seeding sends no email. The receipts and decisions stay in the outbox as the history's messages, marked
  // delivered, so that no later flush sends them to the demo addresses.
  await trx.updateTable("outboxMessage").set({ createdAt: at, sentAt: at }).where("createdAt", ">=", since).execute();
  const versions = await trx
    .selectFrom("proposalVersion")
    .select(["id", "snapshot"])
    .where("createdAt", ">=", since)
    .execute();
  for (const version of versions) {
    const snapshot: ProposalSnapshot = { ...JSON.parse(version.snapshot), submittedAt: at };
    await trx
      .updateTable("proposalVersion")
      .set({ createdAt: at, snapshot: JSON.stringify(snapshot) })
      .where("id", "=", version.id)
      .execute();
  }
  return result;
}

function refused(title: string, result: unknown): Error {
  return new Error(`The demo proposal "${title}" was refused: ${JSON.stringify(result)}`);
}

// ---- the attached files ----

const DEMO_DOCUMENT_NOTE = "Demo copy made by the portal's seed - not a real document.";

/**
 * The budget workbook an applicant keeps beside the form: the proposal's lines as they stand (amounts as formulas
 * with their values cached, so any viewer shows them), the total and its split by funding source.
 */
async function budgetWorkbook(content: ProposalContent, organizationName: string, when: string): Promise<Buffer> {
  const label = proposalsZh.fields.budgetLine;
  const columns: [string, number][] = [
    [label.category, 14],
    [label.item, 36],
    [label.unitPrice, 12],
    [label.quantity, 9],
    [label.unit, 8],
    [`${label.amount}（元）`, 14],
    [label.fundingSource, 12],
    [label.basis, 36],
  ];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = organizationName;
  workbook.created = new Date(when);
  workbook.modified = new Date(when);
  const sheet = workbook.addWorksheet("预算明细");
  sheet.columns = columns.map(([, width]) => ({ width }));
  for (const column of [3, 6]) sheet.getColumn(column).numFmt = "#,##0.00";
  sheet.mergeCells("A1:H1");
  sheet.getCell("A1").value = `${content.title} 预算明细表`;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A1").alignment = { horizontal: "center" };
  sheet.mergeCells("A2:H2");
  sheet.getCell("A2").value = `申报单位：${organizationName}`;
  const head = sheet.addRow(columns.map(([header]) => header));
  head.font = { bold: true };

  const lines = presentRows(content.budgetLines);
  const first = head.number + 1;
  const last = head.number + lines.length;
  lines.forEach((line, index) => {
    const row = first + index;
    sheet.addRow([
      line.category ? programsZh.catalogue.costCategory[line.category] : "",
      line.item,
      (line.unitPriceFen ?? 0) / 100,
      (line.quantityHundredths ?? 0) / QUANTITY_SCALE,
      line.unit,
      { formula: `C${row}*D${row}`, result: lineAmountFen(line.unitPriceFen, line.quantityHundredths) / 100 },
      line.fundingSource ? proposalsZh.fundingSources[line.fundingSource] : "",
      line.basis,
    ]);
  });
  const totals = budgetTotals(lines);
  sheet.addRow(["合计", "", "", "", "", { formula: `SUM(F${first}:F${last})`, result: totals.totalFen / 100 }]).font = {
    bold: true,
  };
  for (const source of fundingSources) {
    const name = proposalsZh.fundingSources[source];
    const formula = `SUMIF(G${first}:G${last},"${name}",F${first}:F${last})`;
    sheet.addRow(["", `其中：${name}`, "", "", "", { formula, result: totals.bySource[source] / 100 }]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A one-page PDF 1.4 with the lines set in Helvetica at the top left of an A4 page. Written by hand: nothing the
 * portal depends on writes PDFs, and a scanned copy needs no more than this to be listed, downloaded and typed.
 */
function onePagePdf(lines: readonly string[]): Buffer {
  const shown = lines.map((line) => {
    if (!/^[\x20-\x7e]*$/.test(line)) throw new Error(`The built-in PDF font shows ASCII only: ${line}`);
    return `(${line.replace(/[\\()]/g, "\\$&")}) Tj T*`;
  });
  const stream = ["BT", "/F1 12 Tf", "18 TL", "72 770 Td", ...shown, "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  // All ASCII, so string lengths are the byte offsets the cross-reference table needs.
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "ascii");
}

/** A copy of the organisation's registration certificate, or of a volunteer team's filing with its community. */
function certificate({ fields }: DemoOrganization): { name: string; lines: string[] } {
  if (fields.uscc) {
    return {
      name:
        fields.orgType === "social_group"
          ? "社会团体法人登记证书（复印件）.pdf"
          : "民办非企业单位登记证书（复印件）.pdf",
      lines: [
        "Certificate of Registration (copy)",
        `Unified Social Credit Code: ${fields.uscc}`,
        `Registered on: ${fields.registeredOn}`,
        "Registration authority: Civil Affairs Bureau of Shushan District, Hefei",
      ],
    };
  }
  return {
    name: "社区社会组织备案证明（复印件）.pdf",
    lines: [
      "Filing Certificate of a Community Social Organisation (copy)",
      `Filing number: ${fields.filingNumber}`,
      `Filed on: ${fields.registeredOn}`,
    ],
  };
}

async function demoFile(
  file: DemoFile,
  context: { content: ProposalContent; organization: DemoOrganization; when: string },
): Promise<{ filename: string; bytes: Buffer }> {
  if (file === "budget") {
    return {
      filename: "预算明细表.xlsx",
      bytes: await budgetWorkbook(context.content, context.organization.fields.name, context.when),
    };
  }
  const { name, lines } = file === "certificate" ? certificate(context.organization) : file;
  return { filename: name, bytes: onePagePdf([...lines, "", DEMO_DOCUMENT_NOTE]) };
}

/**
 * Attaches the files as the edit form's upload does: typed from their bytes and stored by the portal's functions.
 * A file named like one already attached replaces it (the applicant removes the old copy, then uploads the new).
 * Each stored name is pushed onto `written`, so that a failed seed deletes the files again.
 */
async function attachFiles(
  trx: DB,
  target: { proposalId: number; organizationId: number; userId: number; title: string },
  files: readonly { filename: string; bytes: Buffer }[],
  written: string[],
): Promise<void> {
  const { accepted, problems } = await checkUploads(
    files.map((file) => ({ filename: file.filename, size: file.bytes.byteLength, bytes: file.bytes })),
  );
  if (problems.length > 0) throw refused(target.title, problems);
  const context = { proposalId: target.proposalId, organizationId: target.organizationId, userId: target.userId };
  for (const old of await listAttachments(trx, target.proposalId)) {
    if (!accepted.some((upload) => upload.filename === old.originalName)) continue;
    const { unusedFile } = await removeAttachmentIn(trx, { ...context, attachmentId: old.id });
    // Only a never-submitted proposal's file loses its row; the seed is one transaction, so should it fail, no row
    // is left to miss the file.
    if (unusedFile) discardAttachmentFiles([unusedFile]);
  }
  const stored = await storeAttachmentsIn(trx, { ...context, uploads: accepted }, written);
  if (!stored.ok) throw refused(target.title, stored);
}

/**
 * Adds the organisations and their proposals to the demo program, the manager (a staff member of the program's
 * funder) screening some of them. Pass the seed's transaction.
 */
export async function seedDemoProposals(trx: DB, options: SeedOptions): Promise<void> {
  // The attachments' files are on disk before the seed's transaction commits; should seeding fail, they would
  // belong to no row, so they are deleted again.
  const written: string[] = [];
  try {
    await writeDemoProposals(trx, options, written);
  } catch (error) {
    discardAttachmentFiles(written);
    throw error;
  }
}

interface SeedOptions {
  programId: number;
  manager: { id: number };
  password: string;
}

async function writeDemoProposals(trx: DB, options: SeedOptions, written: string[]): Promise<void> {
  const owners = new Map<string, { organizationId: number; user: { id: number; email: string } }>();
  for (const [key, organization] of Object.entries(organizations)) {
    const user = await createUser(trx, { ...organization.owner, password: options.password });
    const { id: organizationId } = await createOrganization(trx, organization.fields);
    await addOrganizationMember(trx, organizationId, user.id, "owner");
    owners.set(key, { organizationId, user });
  }
  const program = await findProgramForProposals(trx, options.programId);
  if (!program) throw new Error("the demo program is missing");
  const { funderId } = program.program;

  const since = nowIso();
  const at = (when: When) => instant(since, when);
  const receipt = receiptEmail("zh-CN");
  const decisionEmail = screeningEmails(publicOrigin());
  // Handed in in the order of their first submission, so the numbers follow the dates.
  const ordered = [...proposals].sort((a, b) => at(a.submitted).localeCompare(at(b.submitted)));
  for (const proposal of ordered) {
    const owner = owners.get(proposal.organization);
    if (!owner) throw new Error(`no demo organisation ${proposal.organization}`);
    const { user } = owner;
    const organization: DemoOrganization = organizations[proposal.organization];
    const submittedAt = at(proposal.submitted);
    const startedAt = minutesBefore(submittedAt, DRAFTING_MINUTES);
    const proposalId = await dated(trx, since, startedAt, () =>
      createDraftIn(trx, {
        programId: program.program.id,
        organizationId: owner.organizationId,
        funderId,
        userId: user.id,
      }),
    );
    const target = { proposalId, organizationId: owner.organizationId, userId: user.id, title: proposal.text.title };
    // A save posts the form, with the files picked in it, if any.
    const save = (content: ProposalContent, when: string, attach: readonly DemoFile[] = []) =>
      dated(trx, since, when, async () => {
        const result = await saveDraftIn(trx, { proposalId, userId: user.id, content, audit: true });
        if (!result.ok) throw refused(proposal.text.title, result);
        const files = await Promise.all(attach.map((file) => demoFile(file, { content, organization, when })));
        if (files.length > 0) await attachFiles(trx, target, files, written);
      });
    const submit = (when: string) =>
      dated(trx, since, when, async () => {
        // The receipt names the moment of the history, not the moment of seeding.
        const composeReceipt = (facts: ReceiptFacts) => receipt({ ...facts, submittedAt: when });
        const result = await submitProposalIn(trx, { proposalId, user, composeReceipt });
        if (!result.ok) throw refused(proposal.text.title, result);
      });

    let content = contentFor(proposal, program);
    await save(content, startedAt);
    if (proposal.attachments) await save(content, minutesBefore(submittedAt, ATTACHING_MINUTES), proposal.attachments);
    await submit(submittedAt);
    for (const step of proposal.then ?? []) {
      const when = at(step.when);
      if ("screen" in step) {
        await dated(trx, since, when, async () => {
          const result = await screenProposalIn(trx, {
            proposalId,
            funderId,
            userId: options.manager.id,
            decision: step.screen,
            comment: step.comment,
            composeEmail: decisionEmail,
          });
          if (!result.ok) throw refused(proposal.text.title, result);
        });
      } else {
        content = step.resubmit(content);
        await save(content, minutesBefore(when, REVISING_MINUTES), step.attach);
        await submit(when);
      }
    }
  }
}
