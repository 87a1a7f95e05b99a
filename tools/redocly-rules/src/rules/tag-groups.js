/**
 * Every tag sits in exactly one `x-tagGroups` group and every group names only declared tags, so the
 * docs' navigation shows every operation once.
 */
export default function TagGroups() {
  return {
    Root: {
      enter(root, ctx) {
        const declared = new Set((root.tags ?? []).map((tag) => tag.name));
        const groups = root['x-tagGroups'];
        if (!Array.isArray(groups)) {
          ctx.report({
            message: 'The document must group its tags in x-tagGroups.',
            location: ctx.location.child(['tags']).key(),
          });
          return;
        }
        /** @type {Map<string, string>} */
        const groupOf = new Map();
        groups.forEach((group, index) => {
          (group.tags ?? []).forEach((tag, tagIndex) => {
            const location = ctx.location.child(['x-tagGroups', index, 'tags', tagIndex]);
            if (!declared.has(tag))
              ctx.report({
                message: `Tag group "${group.name}" names tag "${tag}", which is not declared in tags.`,
                location,
              });
            else if (groupOf.has(tag))
              ctx.report({
                message: `Tag "${tag}" is in two groups: "${groupOf.get(tag)}" and "${group.name}".`,
                location,
              });
            else groupOf.set(tag, group.name);
          });
        });
        (root.tags ?? []).forEach((tag, index) => {
          if (!groupOf.has(tag.name)) {
            ctx.report({
              message: `Tag "${tag.name}" is in no x-tagGroups group.`,
              location: ctx.location.child(['tags', index]).key(),
            });
          }
        });
      },
    },
  };
}
