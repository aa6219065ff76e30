/** The people of the demo: names that suit a gender, phones, resident ID numbers, sectors. */
import { Gender } from '@cppcc/organization';
import { dateOf, dayOf } from '../calendar';
import type { Random, Weighted } from '../random';

/** Common surnames, most frequent first (the order sets their weight). */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const SURNAME_WEIGHTS: Weighted<string> = SURNAMES.map((surname, i) => [
  surname,
  i < 5 ? 8 : i < 20 ? 3 : 1,
]);
const MALE_GIVEN = [
  ...'建国军伟强明华平文志勇杰涛斌波海峰磊超刚林东成宏俊兵鹏飞辉云庆德昌忠永祥福荣新亮宇浩凯阳振良立学发松',
];
const FEMALE_GIVEN = [
  ...'秀英华玲芳丽敏静红梅霞燕萍娟兰琴艳婷雪颖洁慧莉娜倩欣悦雯佳玉凤美桂晶春月琳瑶',
];
const SHARED_GIVEN = [...'晓子思春海文明嘉雨宁'];

/** Real prefixes of Chinese mobile numbers (China Mobile, Unicom, Telecom). */
const MOBILE_PREFIXES = [
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'],
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159'],
  ...['166', '173', '177', '180', '181', '182', '183', '187', '188', '189', '198', '199'],
];

const PARTY = {
  CPC: '中共党员',
  RCCK: '民革党员',
  CDL: '民盟盟员',
  CDNCA: '民建会员',
  CAPD: '民进会员',
  CPWDP: '农工党党员',
  CZGD: '致公党党员',
  JIUSAN: '九三学社社员',
  NON_PARTY: '无党派人士',
  MASSES: '群众',
} as const;

export const EXPERTISE = [
  '农业技术',
  '法律',
  '教育',
  '医疗卫生',
  '城乡规划',
  '企业管理',
  '社会工作',
  '环境保护',
  '文化旅游',
  '水利工程',
  '财务会计',
  '人民调解',
] as const;

/**
 * The sectors (界别) of a CPPCC committee, how many grassroots members each gives, the party
 * affiliations that go with it (a democratic party's sector sits its own members), and what its
 * members tend to know.
 */
const SECTORS: ReadonlyArray<{
  sector: string;
  weight: number;
  parties: Weighted<string>;
  expertise: ReadonlyArray<string>;
  femaleShare?: number;
}> = [
  {
    sector: '中国共产党',
    weight: 10,
    parties: [[PARTY.CPC, 1]],
    expertise: ['社会工作', '人民调解', '城乡规划'],
  },
  {
    sector: '中国国民党革命委员会',
    weight: 3,
    parties: [[PARTY.RCCK, 1]],
    expertise: ['法律', '企业管理'],
  },
  {
    sector: '中国民主同盟',
    weight: 4,
    parties: [[PARTY.CDL, 1]],
    expertise: ['教育', '法律', '文化旅游'],
  },
  {
    sector: '中国民主建国会',
    weight: 4,
    parties: [[PARTY.CDNCA, 1]],
    expertise: ['企业管理', '财务会计'],
  },
  {
    sector: '中国民主促进会',
    weight: 4,
    parties: [[PARTY.CAPD, 1]],
    expertise: ['教育', '文化旅游'],
  },
  { sector: '中国农工民主党', weight: 3, parties: [[PARTY.CPWDP, 1]], expertise: ['医疗卫生'] },
  { sector: '中国致公党', weight: 2, parties: [[PARTY.CZGD, 1]], expertise: ['企业管理', '法律'] },
  {
    sector: '九三学社',
    weight: 3,
    parties: [[PARTY.JIUSAN, 1]],
    expertise: ['环境保护', '城乡规划', '农业技术'],
  },
  {
    sector: '无党派人士',
    weight: 4,
    parties: [[PARTY.NON_PARTY, 1]],
    expertise: ['法律', '医疗卫生', '教育'],
  },
  {
    sector: '共青团',
    weight: 2,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 1],
    ],
    expertise: ['社会工作'],
  },
  {
    sector: '总工会',
    weight: 3,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 1],
    ],
    expertise: ['社会工作', '企业管理'],
  },
  {
    sector: '妇联',
    weight: 3,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 2],
    ],
    expertise: ['社会工作', '人民调解'],
    femaleShare: 0.9,
  },
  {
    sector: '工商联',
    weight: 6,
    parties: [
      [PARTY.MASSES, 3],
      [PARTY.CPC, 2],
      [PARTY.CDNCA, 1],
    ],
    expertise: ['企业管理', '财务会计'],
  },
  {
    sector: '科学技术界',
    weight: 4,
    parties: [
      [PARTY.CPC, 2],
      [PARTY.MASSES, 2],
      [PARTY.JIUSAN, 1],
      [PARTY.NON_PARTY, 1],
    ],
    expertise: ['农业技术', '环境保护', '城乡规划', '水利工程'],
  },
  {
    sector: '教育界',
    weight: 6,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 2],
      [PARTY.CAPD, 1],
    ],
    expertise: ['教育'],
    femaleShare: 0.45,
  },
  {
    sector: '文化艺术界',
    weight: 4,
    parties: [
      [PARTY.CPC, 2],
      [PARTY.MASSES, 2],
      [PARTY.CAPD, 1],
    ],
    expertise: ['文化旅游'],
  },
  {
    sector: '医药卫生界',
    weight: 6,
    parties: [
      [PARTY.CPC, 2],
      [PARTY.MASSES, 2],
      [PARTY.CPWDP, 1],
    ],
    expertise: ['医疗卫生'],
    femaleShare: 0.45,
  },
  {
    sector: '经济界',
    weight: 8,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 2],
    ],
    expertise: ['企业管理', '财务会计'],
  },
  {
    sector: '农业界',
    weight: 9,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 2],
    ],
    expertise: ['农业技术', '水利工程'],
  },
  {
    sector: '社会福利和社会保障界',
    weight: 4,
    parties: [
      [PARTY.CPC, 2],
      [PARTY.MASSES, 1],
    ],
    expertise: ['社会工作'],
  },
  {
    sector: '民族和宗教界',
    weight: 1,
    parties: [
      [PARTY.MASSES, 2],
      [PARTY.NON_PARTY, 1],
    ],
    expertise: ['文化旅游'],
  },
  {
    sector: '特别邀请人士',
    weight: 5,
    parties: [
      [PARTY.CPC, 3],
      [PARTY.MASSES, 1],
      [PARTY.NON_PARTY, 1],
    ],
    expertise: ['法律', '人民调解', '城乡规划', '社会工作'],
  },
];
export const SECTOR_WEIGHTS: Weighted<(typeof SECTORS)[number]> = SECTORS.map((sector) => [
  sector,
  sector.weight,
]);

/** GB 11643: the check character of the first 17 digits of a resident ID number. */
export function idNumberCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return '10X98765432'[sum % 11];
}

/** A random `YYYY-MM-DD` date in [first, last]. */
export function dateBetween(random: Random, first: string, last: string): string {
  const day = dayOf(first);
  return dateOf(day + random.int(0, dayOf(last) - day));
}

/** Draws names, phones and ID numbers, never handing out the same phone or ID number twice. */
export class People {
  private readonly phones = new Set<string>();
  private readonly idNumbers = new Set<string>();

  constructor(private readonly random: Random) {}

  gender(femaleShare: number): Gender {
    return this.random.chance(femaleShare) ? Gender.FEMALE : Gender.MALE;
  }

  /** A surname and one or two given-name characters that suit the gender. */
  name(gender: Gender): string {
    const pool = [...(gender === Gender.FEMALE ? FEMALE_GIVEN : MALE_GIVEN), ...SHARED_GIVEN];
    const surname = this.random.weighted(SURNAME_WEIGHTS);
    const first = this.random.pick(pool);
    if (this.random.chance(0.3)) return `${surname}${first}`;
    let second = this.random.pick(pool);
    while (second === first && this.random.chance(0.9)) second = this.random.pick(pool);
    return `${surname}${first}${second}`;
  }

  /** An 11-digit mobile number with a real operator prefix. */
  phone(): string {
    for (;;) {
      const phone = `${this.random.pick(MOBILE_PREFIXES)}${this.random.digits(8)}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /**
   * An 18-character resident ID number (GB 11643): the county code as the address code, the birth
   * date, a sequence whose last digit is odd for men and even for women, and the check character.
   */
  idNumber(countyCode: string, gender: Gender, birthYears: readonly [number, number]): string {
    for (;;) {
      const birth = dateBetween(
        this.random,
        `${birthYears[0]}-01-01`,
        `${birthYears[1]}-12-31`,
      ).replace(/-/g, '');
      const parity =
        gender === Gender.MALE
          ? this.random.pick([1, 3, 5, 7, 9])
          : this.random.pick([0, 2, 4, 6, 8]);
      const first17 = `${countyCode}${birth}${this.random.digits(2)}${parity}`;
      const idNumber = `${first17}${idNumberCheckChar(first17)}`;
      if (!this.idNumbers.has(idNumber)) {
        this.idNumbers.add(idNumber);
        return idNumber;
      }
    }
  }
}
