${t("mail.greeting", name)}

${t("mail.digest.intro", day)}
<#if notes?has_content>

<#list notes as note>
* ${note.title}
<#list note.lines as line>
  - ${line}
</#list>
  ${note.link}
</#list>
</#if>
<#if awaiting?has_content>

${t("mail.digest.awaiting-heading")}
<#list awaiting as a>
* ${a.text}
  ${a.link}
</#list>
</#if>
<#if ready?has_content>

${t("mail.digest.ready-heading")}
<#list ready as r>
* ${r.text}
  ${r.link}
</#list>
</#if>

${t("mail.notification.all")}
${link}

--
${t("mail.digest.stop")}
${unsubscribe}
${t("mail.footer")}
