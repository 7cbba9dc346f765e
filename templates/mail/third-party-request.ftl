${t("mail.greeting", name)}

${t("mail.third-party.body", learner, requester)}

<#list indicators as indicator>
- ${indicator}
</#list>

${link}

${t("mail.third-party.how")}
${t("mail.third-party.expires", expires)}

--
${t("mail.footer")}
