package org.minsheng.bench.corpus;

import java.util.List;

/**
 * The compact built-in vocabulary the {@link CorpusGenerator} composes posts from: places, institutions, public issues,
 * opinion phrases of each polarity, everyday filler, Weibo decorations and spam. Written for this benchmark (no shared
 * data at run time); the aim is text whose word and character mix resembles complaint posts on Weibo and local forums,
 * so that segmentation cost per character is realistic, not to be linguistically perfect.
 */
final class Vocabulary {
  private Vocabulary() {}

  static final List<String> PROVINCES = List.of(
      "北京", "上海", "天津", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
      "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西",
      "西藏", "宁夏", "新疆");

  static final List<String> CITIES = List.of(
      "石家庄", "太原", "沈阳", "长春", "哈尔滨", "南京", "苏州", "杭州", "宁波", "合肥", "福州", "厦门", "南昌", "济南",
      "青岛", "郑州", "洛阳", "武汉", "长沙", "广州", "深圳", "东莞", "海口", "成都", "绵阳", "贵阳", "昆明", "西安",
      "兰州", "西宁", "南宁", "桂林", "银川", "乌鲁木齐", "呼和浩特", "大连", "无锡", "温州", "佛山", "珠海");

  static final List<String> DISTRICTS = List.of(
      "城关区", "高新区", "经开区", "新城区", "老城区", "东湖街道", "西关街道", "南郊镇", "北苑社区", "滨江新区", "开发区",
      "县城", "城中村", "工业园", "大学城");

  static final List<String> INSTITUTIONS = List.of(
      "市场监管局", "住建局", "交警大队", "城管局", "人社局", "教育局", "卫健委", "环保局", "街道办", "居委会", "物业公司",
      "自来水公司", "供电公司", "燃气公司", "公交公司", "派出所", "医院", "社区医院", "小学", "中学", "房地产开发商",
      "快递公司", "外卖平台", "银行网点", "政务服务中心", "信访办", "镇政府", "区政府", "热线12345");

  static final List<String> ISSUES = List.of(
      "小区停水三天", "拖欠农民工工资", "学校乱收费", "楼盘延期交房", "道路施工噪音扰民", "化工厂排放异味", "医院看病排长队",
      "出租车拒载", "物业费上涨", "电梯频繁故障", "外卖食品安全", "校外培训退费难", "菜市场缺斤短两", "违章建筑", "垃圾清运不及时",
      "共享单车乱停放", "老旧小区改造", "公交线路调整", "暴雨后积水严重", "停车位被占", "网约车乱收费", "燃气管道泄漏",
      "预付卡商家跑路", "养老金调整", "医保报销", "房租上涨", "强拆", "讨薪", "欠薪", "不作为", "河道污染", "夜市占道经营",
      "疫苗接种预约", "高铁晚点", "景区门票涨价", "快递丢件", "直播带货假货", "手机套餐乱扣费");

  static final List<String> NEGATIVE = List.of(
      "太让人失望了", "真的气愤", "投诉了好几次都没人管", "这种不作为必须曝光", "希望有关部门严肃处理", "简直忍无可忍",
      "老百姓的钱就这么被坑了", "打了热线也没有回复", "到底有没有人管", "已经影响正常生活", "非常不满意", "感觉被欺骗了",
      "这服务态度太差", "拖了半年还没解决", "孩子每天都受影响", "心寒", "无语了", "求扩散");

  static final List<String> POSITIVE = List.of(
      "点赞工作人员", "处理很及时", "问题已经解决了，谢谢", "效率真高", "为他们的担当点赞", "终于等到好消息", "服务很贴心",
      "感谢热心市民", "政府回应很快", "这个政策好", "值得表扬", "给力");

  static final List<String> NEUTRAL = List.of(
      "据了解", "记者从相关部门获悉", "目前情况如下", "有网友反映", "相关部门表示正在调查", "截至发稿时", "具体情况还在核实",
      "官方通报称", "据当地居民介绍", "知情人士透露", "事情经过是这样的", "昨天下午", "今天上午", "本周以来", "近日");

  static final List<String> FILLER = List.of(
      "我们小区", "住在附近的居民", "很多家长", "一位外卖小哥", "楼上的邻居", "我妈", "几个同事", "附近商户", "不少网友",
      "有关负责人", "工作人员", "一名司机", "志愿者", "退休老人", "大学生", "记者", "村民", "业主群里");

  static final List<String> VERBS = List.of(
      "反映", "表示", "发现", "质疑", "呼吁", "询问", "拍到", "联系了", "去了", "等了", "打电话给", "找到", "提出", "回应",
      "核实", "整改", "通报", "协调", "答复", "承诺");

  static final List<String> EMOJI = List.of(
      "[怒]", "[哭]", "[赞]", "[笑cry]", "[doge]", "[允悲]", "[抓狂]", "[心]", "[微笑]", "[吃瓜]");

  static final List<String> SURNAMES = List.of(
      "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高");

  static final List<String> GIVEN = List.of(
      "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
      "小雨", "晓东", "子涵", "浩然", "欣怡", "一诺");

  static final List<String> NICK_PARTS = List.of(
      "吃瓜群众", "小城日记", "爱生活", "追风少年", "今天也要加油", "路人甲", "本地通", "随手拍", "热心市民", "老张说事",
      "民生观察", "打工人", "奶茶续命", "一只猫");

  static final List<String> FORUMS = List.of(
      "bbs.xx-city.example.cn", "tieba.example.com", "forum.home-owners.example.cn", "club.parents.example.com",
      "bbs.local-news.example.cn");

  static final List<String> NEWS_SITES = List.of(
      "news.daily.example.cn", "www.evening-post.example.cn", "local.portal.example.com", "news.metro.example.cn",
      "www.province-tv.example.cn", "wap.toutiao-like.example.com");

  static final List<String> SPAM = List.of(
      "加微信{n}领取优惠券", "兼职日结，在家就能做，私聊", "低价代开发票，联系{n}", "刷单返利，稳赚不赔", "免费领取会员，点击链接",
      "高仿名牌包包，一比一做工", "贷款秒批，不看征信，电话{n}", "彩票内部消息，包中，加群{n}", "减肥神药七天瘦十斤",
      "游戏代练，价格优惠");

  static final List<String> REPOST_REASONS = List.of(
      "转发微博", "求扩散", "支持", "关注一下", "这也太离谱了吧", "同城的看过来", "希望早日解决", "已转", "顶", "真的假的？");
}
