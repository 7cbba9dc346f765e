package tw.training.xapi;

/**
 * The verbs of our statements. ADL's where one fits (http://adlnet.gov/expapi/verbs/…): a learner shares evidence with
 * the assessors ("shared", ADL has no "submitted"), passes or fails an indicator as an assessor judges it MET or NOT_YET
 * ("passed", "failed"), completes a course (ADL "completed"). A certificate is earned: ADL
 * has no verb for it, so the Tin Can registry's "earned" (http://id.tincanapi.com/verb/earned), the common choice of
 * LRSs for badges and credentials.
 */
enum Verbs {
    SHARED("http://adlnet.gov/expapi/verbs/shared", "shared", "分享"),
    PASSED("http://adlnet.gov/expapi/verbs/passed", "passed", "通過"),
    FAILED("http://adlnet.gov/expapi/verbs/failed", "failed", "未通過"),
    COMPLETED("http://adlnet.gov/expapi/verbs/completed", "completed", "完成"),
    EARNED("http://id.tincanapi.com/verb/earned", "earned", "獲得");

    final String id;
    final String english;
    final String chinese;

    Verbs(String id, String english, String chinese) {
        this.id = id;
        this.english = english;
        this.chinese = chinese;
    }
}
