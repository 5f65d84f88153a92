package org.policykb.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells accounts of what was done (「获评」「居全省首位」「解决了…难题」) from plans of what is to be done
 * (「力争」「将」), by counting the cues each kind of text uses.
 */
final class Retrospection {
    private static final Pattern PAST = Pattern.compile(
            "了|已经|已(?!有)|取得|获评|获得|荣获|获批|位居|居全[省国市]|创历史|首次|首批|首届|成功(?:举办|承办|创建|入选)|通过[^。]{0,12}(?:评估|认定|验收)"
                    + "|被[^。，；]{0,16}?(?:评为|认定|确定|表彰|列入|授予)|入选|圆满|全面完成|顺利完成|稳中有升|初见成效|明显缩小|正式(?:获批|启用|启动)"
                    + "|比上[届年]|较上[届年]|较年初|同比|(?<![\\d.])\\d+\\.\\d+[%％]");
    private static final Pattern FUTURE = Pattern.compile("力争|将(?!军)|计划|拟|确保|到20\\d\\d年|下一步|今后|着力|要(?=[\\p{IsHan}])");

    private Retrospection() {
    }

    static int pastCues(CharSequence text) {
        return count(PAST, text);
    }

    static int futureCues(CharSequence text) {
        return count(FUTURE, text);
    }

    /** Mostly an account of the past: at least two past cues and more of them than of future ones. */
    static boolean isRetrospective(CharSequence text) {
        int past = pastCues(text);
        return past >= 2 && past > futureCues(text);
    }

    private static int count(Pattern p, CharSequence text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
