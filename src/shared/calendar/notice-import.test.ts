import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIcs, readNoticeText } from './notice-import.js';

/** The official rows of a year, from the platform's copy of the State Council notices (holidays-cn.csv). */
function official(year: number) {
  return readFileSync(path.resolve('src/server/platform/calendar/holidays-cn.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter(([day]) => day.startsWith(`${year}-`))
    .map(([day, name, off]) => ({ day, name, isOffDay: off === '1' }));
}

// 国办发明电〔2025〕7号, as published (with the lunar dates and weekdays in brackets)
const NOTICE_2026 = `经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。`;

// 国办发明电〔2024〕12号: a one-day 元旦, a range across months, and two holidays joined
const NOTICE_2025 = `一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

describe('reading a holiday notice as published', () => {
  it('reads the 2026 notice into exactly the official rows', () => {
    const read = readNoticeText(NOTICE_2026, 2026);
    expect(read.unread).toEqual([]);
    expect(read.days).toEqual(official(2026));
  });

  it('reads the 2025 notice: a single day, a range across months, two holidays under one name', () => {
    const read = readNoticeText(NOTICE_2025, 2025);
    expect(read.unread).toEqual([]);
    expect(read.days).toEqual(official(2025));
  });

  it('takes full-width digits and spaces as pasted from a web page, and names what it could not read', () => {
    const read = readNoticeText('一、元旦：１月１日（周五） 放假１天。\n二、春节：待定。', 2027);
    expect(read.days).toEqual([{ day: '2027-01-01', name: '元旦', isOffDay: true }]);
    expect(read.unread).toEqual(['春节：待定']);
  });

  it('reads a holiday calendar file: ranges with an exclusive end, make-up days by their mark, folded lines, other years left out', () => {
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270104', 'SUMMARY:元旦（休）', 'END:VEVENT',
      'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270206', 'DTEND;VALUE=DATE:20270207', 'SUMMARY:春节补', ' 班', 'END:VEVENT',
      'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261008', 'SUMMARY:国庆节', 'END:VEVENT',
      'BEGIN:VEVENT', 'SUMMARY:没有日期', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const read = readIcs(ics, 2027);
    expect(read.days).toEqual([
      { day: '2027-01-01', name: '元旦', isOffDay: true },
      { day: '2027-01-02', name: '元旦', isOffDay: true },
      { day: '2027-01-03', name: '元旦', isOffDay: true },
      { day: '2027-02-06', name: '春节', isOffDay: false },
    ]);
    expect(read.unread).toEqual(['没有日期']);
  });
});
