//! The words generated meetings are made of: plausible topics, speeches and decisions of
//! a county police bureau's weekly meeting, combined by a seeded generator.

/// A small, fast, reproducible generator (splitmix64): the same seed gives the same
/// history on every machine.
#[derive(Clone, Debug)]
pub struct Seeded(u64);

impl Seeded {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// One of the items.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.below(items.len());
        items.get(i)
    }

    /// True about `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

pub const MATTERS: &[&str] = &[
    "冬季治安防范专项行动",
    "电信网络诈骗案件打击治理",
    "重点人员动态管控",
    "校园及周边安全整治",
    "道路交通安全隐患排查",
    "禁毒宣传教育月活动",
    "看守所安全管理",
    "执法规范化建设",
    "矛盾纠纷排查化解",
    "重大节日安保任务",
    "派出所警务室建设",
    "辅警队伍管理",
    "案件质量评查",
    "视频监控系统升级",
    "民爆物品安全监管",
    "涉企案件办理",
    "社区警务改革",
    "警用装备采购",
    "信访积案化解",
    "夏季治安打击整治",
];

pub const KINDS: &[&str] = &["工作方案", "情况汇报", "请示", "实施意见", "整改方案"];

pub const DEPARTMENTS: &[&str] = &[
    "治安大队",
    "刑侦大队",
    "交管大队",
    "禁毒大队",
    "看守所",
    "督察法制大队",
    "嘎鲁图派出所",
    "办公室",
];

/// Sentences a report or a view is built of (a third of them end a paragraph).
pub const SENTENCES: &[&str] = &[
    "近期全旗警情总体平稳，但侵财类案件有所上升，夜间时段较为集中。",
    "为此，我们会同相关派出所对辖区重点部位进行了全面排查。",
    "方案拟分三个阶段推进，第一阶段为动员部署，第二阶段为集中整治，第三阶段为总结巩固。",
    "经费方面，拟从年度业务经费中统筹解决，不足部分另行请示。",
    "同意该方案，建议进一步明确责任分工和完成时限。",
    "要注意与属地政府和相关部门的协调配合，形成工作合力。",
    "执法过程中要严格依法办事，确保程序规范、证据扎实。",
    "督察法制大队要全程跟踪督办，定期通报进展情况。",
    "各单位要高度重视，主要负责同志亲自抓、负总责。",
    "对工作中发现的问题要及时上报，不得瞒报、漏报。",
    "下一步，我们将加大巡逻防控力度，提升见警率和管事率。",
    "建议将此项工作纳入年度绩效考核，以考核促落实。",
];

pub const DECISIONS: &[&str] = &[
    "原则同意该方案，由汇报单位牵头组织实施，相关单位配合。",
    "同意所提意见，请分管局领导统筹协调，按期完成。",
    "同意该请示，经费从年度预算中列支，督察法制大队跟踪督办。",
    "暂缓实施，请汇报单位进一步征求意见后再提交局长办公会研究。",
];

pub const NOTES: &[&str] = &[
    "已召开专题部署会，明确责任分工。",
    "已完成第一阶段排查，发现隐患若干，正在整改。",
    "已按要求上报进展情况。",
    "相关经费已落实，设备采购进行中。",
    "已全部完成，形成总结报告报局党委。",
];
