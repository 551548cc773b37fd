/** School pages: the administrator's schools and classes, the teacher's classes, the parent's contact book and tuition. */
@org.jspecify.annotations.NullMarked
package vn.xaso.school.web;
