package tw.training.web;

import freemarker.ext.beans.StringModel;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperConfiguration;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * FreeMarker's wrapper, with records read by component through method handles found once per record class. A
 * learner's plan page reads a dozen components of each of hundreds of records, and BeansWrapper's reflective path
 * (a model factory, a method lookup and an access check per read) was a third of the page's time. Anything that is
 * not a component (a record's other methods, {@code ?api}) goes the BeansWrapper way, as before.
 */
final class RecordWrapper extends DefaultObjectWrapper {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private final ClassValue<Map<String, MethodHandle>> components = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            Map<String, MethodHandle> accessors = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    Method accessor = component.getAccessor();
                    // records of a feature may be public inside a package-private class: the class path lets us in
                    accessor.setAccessible(true);
                    accessors.put(component.getName(), MethodHandles.lookup().unreflect(accessor).asType(GETTER));
                } catch (IllegalAccessException | RuntimeException refused) {
                    // left to BeansWrapper, which answers what it can
                }
            }
            return Map.copyOf(accessors);
        }
    };

    RecordWrapper(DefaultObjectWrapperConfiguration configuration) {
        super(configuration, true);
    }

    @Override
    protected TemplateModel handleUnknownType(Object object) throws TemplateModelException {
        if (object instanceof Record record) {
            return new RecordModel(record, this, components.get(record.getClass()));
        }
        return super.handleUnknownType(object);
    }

    /**
     * A record: its components straight from their accessors, all else as FreeMarker's own model of an object
     * ({@code GenericObjectModel}, whose reads are final): printed by {@code toString()}, its methods callable.
     */
    private static final class RecordModel extends StringModel implements MethodCallAwareTemplateHashModel {

        private final Map<String, MethodHandle> components;

        RecordModel(Record record, BeansWrapper wrapper, Map<String, MethodHandle> components) {
            super(record, wrapper);
            this.components = components;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle component = components.get(key);
            if (component == null) {
                return super.get(key);
            }
            try {
                return wrap(component.invokeExact((Object) object));
            } catch (TemplateModelException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new TemplateModelException("reading " + key + " of " + object.getClass().getSimpleName(), e);
            }
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException, ShouldNotBeGetAsMethodException {
            return super.getBeforeMethodCall(key);
        }
    }
}
