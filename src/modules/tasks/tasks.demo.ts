// The demo's task assignment: the 2013 split the fixture report describes (all done), and the
// current year's duties, some open, for the dashboards.
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/clock.ts';
import { tasksService } from './tasks.service.ts';

const DUTIES: { unit: string; title: string; scope: string }[] = [
  {
    unit: '政策法规科',
    title: '规范性文件公开',
    scope: '本局制发的规范性文件及其政策解读，印发后20个工作日内公开，并登记有效性',
  },
  { unit: '劳动关系科', title: '劳务派遣行政许可结果公开', scope: '劳务派遣经营许可的条件、程序和审批结果' },
  { unit: '工资福利科', title: '工资晋升审批结果公开', scope: '机关事业单位工作人员正常晋升薪级工资的批复' },
  { unit: '社会保险科', title: '小集体企业参保审批结果公开', scope: '小集体企业职工参加基本养老保险的审核结果' },
  { unit: '就业服务局', title: '失业保险金领取审核结果公开', scope: '每月失业保险金申领审核结果公示' },
  { unit: '就业促进科', title: '社保补贴审核结果公开', scope: '灵活就业人员社会保险补贴审核结果公示' },
  {
    unit: '人事考试院',
    title: '考务信息公开',
    scope: '公务员、事业单位、三支一扶、专业技术、职称计算机考试的公告、成绩和公示',
  },
  { unit: '办公室', title: '机构职能和人社动态公开', scope: '机构职能及调整情况、人社动态、《人社简报》' },
  {
    unit: '信息中心',
    title: '网站和电子显示屏维护',
    scope: '局网站栏目日常维护，大厅电子显示屏滚动显示职权目录和业务工作流程',
  },
];

export async function demoTasks(
  db: Db,
  ctx: AuditContext,
  _agencyId: number,
  unit: (name: string) => number,
): Promise<void> {
  for (const d of DUTIES) {
    await tasksService.record(
      db,
      ctx,
      { unit_id: unit(d.unit), title: `2013年${d.title}`, scope: d.scope, due_on: '2013-12-31' },
      '2013-12-20',
    );
  }
  const year = Number(todayInChina().slice(0, 4));
  for (const [i, d] of DUTIES.entries()) {
    // Half of this year's duties are due at the end of the year, the others were due last month.
    const due =
      i % 2 === 0
        ? `${year}-12-31`
        : `${year}-${todayInChina().slice(5, 7) === '01' ? '01-31' : `${String(Number(todayInChina().slice(5, 7)) - 1).padStart(2, '0')}-28`}`;
    await tasksService.record(
      db,
      ctx,
      { unit_id: unit(d.unit), title: `${year}年${d.title}`, scope: d.scope, due_on: due },
      null,
    );
  }
}
