import { historyLabeller } from '../history.js';

/** The steps on an event's timeline, in Chinese (the audit actions of platform/activity). */
export const meetingSteps: Record<string, string> = {
  'activity.create': '安排', 'activity.update': '修改', 'activity.manage': '修改', 'activity.close': '结束并确认考勤', 'activity.reopen': '重新打开考勤', 'activity.cancel': '取消',
  'activity.reply': '回复', 'activity.requestLeave': '请假', 'activity.approveLeave': '批准请假', 'activity.refuseLeave': '不批准请假', 'activity.withdrawLeave': '撤回请假',
  'activity.checkIn': '扫码签到', 'activity.recordAttendance': '记录考勤', 'activity.attachFile': '上传附件', 'activity.removeFile': '移除附件',
};

/** One line of an event's timeline. */
export const meetingHistoryLabel = historyLabeller(meetingSteps);
