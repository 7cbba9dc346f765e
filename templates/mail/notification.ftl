${t("mail.greeting", name)}

${title}
<#list lines as line>
- ${line}
</#list>

${t("mail.notification.open")}
${link}

--
${t("mail.notification.why", kind)}
${t("mail.notification.stop")}
${unsubscribe}
${t("mail.footer")}
